"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronDown, Siren } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useId, useRef, useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { FieldError, useFormErrors } from "@/components/ui/field-error";
import type { DeferredProps } from "@/components/ui/deferred";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/components/trpc/client";
import { useDeclareShortcut } from "./declare-shortcut";

export type DeclareIncidentButtonProps = {
  /** Also open on the "d" key. Give it to the one always-present instance (the header). */
  withShortcut?: boolean;
  /** Short "Declare" label for the header; the full "Declare incident" elsewhere. */
  compact?: boolean;
  className?: string;
};

export function DeclareIncidentButton({ withShortcut = false, compact = false, className, openAtOnce = false, focusAtOnce = false }: DeclareIncidentButtonProps & DeferredProps) {
  const [isOpen, setIsOpen] = useState(openAtOnce);
  const triggerRef = useRef<HTMLButtonElement>(null);
  // Once declared, focus belongs on the new incident's page (it takes it on arrival), not back on this button.
  const hasDeclared = useRef(false);
  useDeclareShortcut(
    withShortcut,
    triggerRef,
    useCallback(() => setIsOpen(true), []),
  );

  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger asChild>
        <Button
          ref={triggerRef}
          autoFocus={focusAtOnce}
          size={compact ? "sm" : "md"}
          className={className}
          title={withShortcut ? "Declare incident (D)" : undefined}
          aria-keyshortcuts={withShortcut ? "D" : undefined}
        >
          <Siren aria-hidden />
          {compact ? "Declare" : "Declare incident"}
        </Button>
      </DialogTrigger>
      <DialogContent
        onCloseAutoFocus={(event) => {
          if (!hasDeclared.current) return;
          hasDeclared.current = false;
          event.preventDefault();
        }}
      >
        <DialogHeader>
          <DialogTitle>Declare an incident</DialogTitle>
          <DialogDescription>A title and severity are enough to start. Everything else can wait.</DialogDescription>
        </DialogHeader>
        {/* Mounted only while open, so each opening starts from a clean form. */}
        <DeclareForm
          onDeclared={() => {
            hasDeclared.current = true;
            setIsOpen(false);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

// The declare input's fields, as the server names them in a refusal; those after "title" and "severityId" sit under "More details".
const declareFields = ["title", "severityId", "kind", "summary", "serviceIds", "impactStartedAt", "commanderId"] as const;
const detailFields: readonly string[] = declareFields.slice(2);

function DeclareForm({ onDeclared }: { onDeclared: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.incidents.formOptions.queryOptions());
  const id = useId();
  const [chosenSeverityId, setChosenSeverityId] = useState<string | null>(null);
  const [showDetails, setShowDetails] = useState(false);
  const [serviceSearch, setServiceSearch] = useState("");
  const matchesSearch = (name: string) => name.toLowerCase().includes(serviceSearch.trim().toLowerCase());
  const errors = useFormErrors(id, declareFields);

  const severities = options.data?.severities ?? [];
  const defaultSeverity = severities.find((severity) => severity.rank === 3) ?? severities.at(-1);
  const severityId = chosenSeverityId ?? (defaultSeverity ? String(defaultSeverity.id) : "");

  const declare = useMutation(
    trpc.incidents.declare.mutationOptions({
      onSuccess: ({ id: incidentId, reference }) => {
        toast.success(`${reference} declared`);
        void queryClient.invalidateQueries({ queryKey: trpc.incidents.list.pathKey() });
        router.push(`/incidents/${incidentId}`);
        onDeclared();
      },
      onError: (failure) => {
        // A refused field under "More details" must be seen: unfold the section holding it.
        if (errors.show(failure).some((field) => detailFields.includes(field))) setShowDetails(true);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (declare.isPending) return;
    errors.clear();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value.trim() : "";
    };
    // datetime-local has no zone: new Date() reads it as the browser's local time, which is what was meant.
    const impact = text("impactStartedAt");
    const impactStartedAt = impact ? new Date(impact) : undefined;
    if (impactStartedAt && Number.isNaN(impactStartedAt.getTime())) {
      errors.showField("impactStartedAt", "Impact started is not a valid date and time.");
      return;
    }
    declare.mutate({
      title: text("title"),
      // Before the options load there is nothing to pick from; the server then applies its default.
      severityId: severityId ? Number(severityId) : undefined,
      kind: text("kind") === "drill" ? "drill" : "incident",
      summary: text("summary"),
      serviceIds: form.getAll("serviceIds").filter((value): value is string => typeof value === "string"),
      isPrivate: form.get("isPrivate") === "on",
      impactStartedAt,
      commanderId: text("commanderId") || undefined,
    });
  }

  return (
    <form onSubmit={submit} className="grid gap-4" aria-busy={declare.isPending}>
      <div className="grid gap-2">
        <Label htmlFor={`${id}-title`}>Title</Label>
        <Input id={`${id}-title`} name="title" required maxLength={200} autoComplete="off" autoFocus placeholder="What is broken, for whom?" {...errors.inputProps("title")} />
        <FieldError errors={errors} name="title" />
      </div>
      {/* Radios, not a select: a closed select cut each severity's description off mid-sentence. */}
      <fieldset className="grid gap-2" {...errors.inputProps("severityId")}>
        <legend className="mb-2 text-sm font-medium">Severity</legend>
        {severities.length === 0 ? <p className="text-sm text-muted-foreground">{options.isError ? "The default severity will be used." : "Loading severities…"}</p> : null}
        <div className="grid gap-1">
          {severities.map((severity) => (
            <label key={severity.id} className="flex items-start gap-2 rounded-md border border-border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent">
              <input
                type="radio"
                name="severityId"
                value={severity.id}
                checked={severityId === String(severity.id)}
                onChange={(event) => setChosenSeverityId(event.target.value)}
                className="mt-0.5 size-4 shrink-0 accent-primary"
              />
              <span>
                <span className="font-medium">{severity.name}</span>
                {severity.description ? <span className="text-muted-foreground"> — {severity.description}</span> : null}
              </span>
            </label>
          ))}
        </div>
        <FieldError errors={errors} name="severityId" />
      </fieldset>

      <div>
        <Button type="button" variant="ghost" size="sm" className="-ml-3" aria-expanded={showDetails} aria-controls={`${id}-details`} onClick={() => setShowDetails((shown) => !shown)}>
          <ChevronDown aria-hidden className={cn("transition-transform", showDetails && "rotate-180")} />
          More details
        </Button>
      </div>
      {/* Hidden rather than unmounted: folding the section away must not throw away what was typed. */}
      <div id={`${id}-details`} hidden={!showDetails} className="grid gap-4">
        <div className="grid gap-2">
          <Label htmlFor={`${id}-kind`}>Kind</Label>
          <NativeSelect id={`${id}-kind`} name="kind" defaultValue="incident" {...errors.inputProps("kind")}>
            <option value="incident">Incident</option>
            <option value="drill">Drill (practice)</option>
          </NativeSelect>
          <FieldError errors={errors} name="kind" />
        </div>
        <div className="grid gap-2">
          <Label htmlFor={`${id}-summary`}>Summary</Label>
          <Textarea id={`${id}-summary`} name="summary" maxLength={5000} placeholder="What do we know so far?" {...errors.inputProps("summary")} />
          <FieldError errors={errors} name="summary" />
        </div>
        <fieldset className="grid gap-2" {...errors.inputProps("serviceIds")}>
          <legend className="mb-2 text-sm font-medium">Affected services</legend>
          {options.data && options.data.services.length === 0 ? <p className="text-sm text-muted-foreground">No services in the catalog yet.</p> : null}
          {options.data && options.data.services.length > 0 ? (
            <Input type="search" aria-label="Search services" placeholder="Search services" value={serviceSearch} onChange={(event) => setServiceSearch(event.target.value)} className="h-8" />
          ) : null}
          <div className="grid max-h-48 gap-2 overflow-y-auto sm:grid-cols-2">
            {/* Filtered by hiding, not removing: a ticked service stays ticked (and submitted) while the search hides it. */}
            {options.data?.services.map((service) => (
              <label key={service.id} hidden={!matchesSearch(service.name)} className="flex min-w-0 items-center gap-2 text-sm">
                <input type="checkbox" name="serviceIds" value={service.id} className="size-4 shrink-0 accent-primary" />
                <span className="truncate">{service.name}</span>
              </label>
            ))}
          </div>
          {options.data && options.data.services.length > 0 && !options.data.services.some((service) => matchesSearch(service.name)) ? (
            <p className="text-sm text-muted-foreground">No service matches “{serviceSearch}”.</p>
          ) : null}
          <FieldError errors={errors} name="serviceIds" />
        </fieldset>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="isPrivate" className="mt-0.5 size-4 shrink-0 accent-primary" />
          <span>Private — only participants and admins can see it</span>
        </label>
        <div className="grid gap-2">
          <Label htmlFor={`${id}-impact`}>Impact started</Label>
          <Input id={`${id}-impact`} name="impactStartedAt" type="datetime-local" {...errors.inputProps("impactStartedAt", `${id}-impact-hint`)} />
          <p id={`${id}-impact-hint`} className="text-xs text-muted-foreground">
            In your local time. Leave empty if unknown.
          </p>
          <FieldError errors={errors} name="impactStartedAt" />
        </div>
        <div className="grid gap-2">
          <Label htmlFor={`${id}-commander`}>Commander</Label>
          <NativeSelect id={`${id}-commander`} name="commanderId" defaultValue="" {...errors.inputProps("commanderId")}>
            <option value="">Me</option>
            {options.data?.responders.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </NativeSelect>
          <FieldError errors={errors} name="commanderId" />
        </div>
      </div>

      {errors.message ? (
        <p role="alert" className="text-sm text-destructive">
          {errors.message}
        </p>
      ) : null}
      {/* Kept in view while the dialog's body scrolls (with "More details" open it is taller than a phone). */}
      <DialogFooter className="sticky -bottom-6 -mx-6 -mb-6 border-t border-border bg-popover px-6 py-4">
        <DialogClose asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" disabled={declare.isPending}>
          {declare.isPending ? "Declaring…" : "Declare"}
        </Button>
      </DialogFooter>
    </form>
  );
}
