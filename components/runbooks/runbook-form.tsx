"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { FieldError, useFormErrors } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { Textarea } from "@/components/ui/textarea";
import { incidentKinds } from "@/lib/incident-lifecycle";
import { useTRPC } from "@/components/trpc/client";
import { MatcherRows, parseMatchers } from "./matcher-rows";
import { RunbookEditor } from "./runbook-editor";
import type { RunbookFields } from "./types";

type Mode = { kind: "create" } | { kind: "edit"; runbookId: string; baseRevision: number };
type Fields = Omit<RunbookFields, "alertMatchers"> & { matcherRows: string[] };

export const emptyRunbook: RunbookFields = {
  title: "",
  summary: "",
  body: { type: "doc", content: [{ type: "paragraph" }] },
  ownerTeamId: null,
  serviceIds: [],
  incidentKinds: [],
  severityIds: [],
  alertMatchers: [],
  reviewIntervalDays: 90,
};

// The save input's fields, as the server names them in a refusal.
const runbookFields = ["title", "summary", "body", "ownerTeamId", "reviewIntervalDays", "serviceIds", "incidentKinds", "severityIds", "alertMatchers", "note"] as const;

const toggle = <T,>(list: T[] | undefined, value: T, on: boolean) => (on ? [...(list ?? []), value] : (list ?? []).filter((v) => v !== value));

export function RunbookForm({ mode, initial }: { mode: Mode; initial: RunbookFields }) {
  const id = useId();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.incidents.formOptions.queryOptions());
  const teams = useQuery(trpc.teams.list.queryOptions());
  const [fields, setFields] = useState<Fields>(() => ({ ...initial, matcherRows: (initial.alertMatchers ?? []).map((m) => `${m.label}=${m.value}`) }));
  const [note, setNote] = useState("");
  const [baseRevision, setBaseRevision] = useState(mode.kind === "edit" ? mode.baseRevision : 0);
  const errors = useFormErrors(id, runbookFields);
  const [isConflict, setIsConflict] = useState(false);
  const set = (changes: Partial<Fields>) => setFields((current) => ({ ...current, ...changes }));

  const saved = async (runbookId: string) => {
    toast.success(mode.kind === "create" ? "Runbook created" : "Runbook saved");
    await queryClient.invalidateQueries({ queryKey: trpc.runbooks.pathKey() });
    router.push(`/runbooks/${runbookId}`);
  };
  // On failure nothing is reset: the person's text stays in the form.
  const failed = (error: unknown) => {
    errors.show(error);
    setIsConflict((error as { data?: { code?: string } }).data?.code === "CONFLICT");
  };
  const create = useMutation(trpc.runbooks.create.mutationOptions({ onSuccess: (result) => saved(result.id), onError: failed }));
  const update = useMutation(trpc.runbooks.update.mutationOptions({ onSuccess: () => saved(mode.kind === "edit" ? mode.runbookId : ""), onError: failed }));
  const isSaving = create.isPending || update.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { matchers, error } = parseMatchers(fields.matcherRows);
    errors.clear();
    setIsConflict(false);
    if (error) return errors.showField("alertMatchers", error);
    const { matcherRows: _rows, ...rest } = fields;
    const input = { ...rest, alertMatchers: matchers, note: note.trim() };
    if (mode.kind === "create") create.mutate({ ...input, note: input.note || "Created" });
    else update.mutate({ ...input, id: mode.runbookId, baseRevision });
  }

  // After a conflict: take the latest revision as the base, keeping this text, so the next save is deliberate.
  async function rebase() {
    if (mode.kind !== "edit") return;
    const latest = await queryClient.fetchQuery({ ...trpc.runbooks.get.queryOptions({ id: mode.runbookId }), staleTime: 0 });
    setBaseRevision(latest.revision);
    errors.clear();
    setIsConflict(false);
    toast.info(`Your text is kept; saving now replaces revision ${latest.revision}.`);
  }

  return (
    <form onSubmit={submit} className="grid gap-5">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-title`}>Title</Label>
        <Input id={`${id}-title`} value={fields.title} onChange={(e) => set({ title: e.target.value })} required minLength={3} maxLength={200} {...errors.inputProps("title")} />
        <FieldError errors={errors} name="title" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-summary`}>Summary</Label>
        <Textarea id={`${id}-summary`} value={fields.summary} onChange={(e) => set({ summary: e.target.value })} maxLength={2000} rows={2} {...errors.inputProps("summary")} />
        <FieldError errors={errors} name="summary" />
      </div>
      <div className="grid gap-1.5">
        <span id={`${id}-body`} className="text-sm font-medium">
          Steps and guidance
        </span>
        <RunbookEditor initial={initial.body} onChange={(body) => set({ body })} labelledBy={`${id}-body`} />
        <FieldError errors={errors} name="body" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-team`}>Owner team</Label>
          <NativeSelect id={`${id}-team`} value={fields.ownerTeamId ?? ""} onChange={(e) => set({ ownerTeamId: e.target.value || null })} {...errors.inputProps("ownerTeamId")}>
            <option value="">No owner team</option>
            {teams.data?.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </NativeSelect>
          <FieldError errors={errors} name="ownerTeamId" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-interval`}>Review every (days)</Label>
          <Input
            id={`${id}-interval`}
            type="number"
            min={1}
            max={730}
            value={fields.reviewIntervalDays ?? 90}
            onChange={(e) => set({ reviewIntervalDays: Number(e.target.value) })}
            required
            {...errors.inputProps("reviewIntervalDays")}
          />
          <FieldError errors={errors} name="reviewIntervalDays" />
        </div>
      </div>
      <CheckboxGroup
        legend="Services"
        items={options.data?.services.map((s) => ({ value: s.id, label: s.name })) ?? []}
        selected={fields.serviceIds ?? []}
        onToggle={(value, on) => set({ serviceIds: toggle(fields.serviceIds, value, on) })}
        error={<FieldError errors={errors} name="serviceIds" />}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <CheckboxGroup
          legend="Incident kinds"
          items={incidentKinds.map((kind) => ({ value: kind, label: kind === "drill" ? "Drill" : "Incident" }))}
          selected={fields.incidentKinds ?? []}
          onToggle={(value, on) => set({ incidentKinds: toggle(fields.incidentKinds, value as (typeof incidentKinds)[number], on) })}
          error={<FieldError errors={errors} name="incidentKinds" />}
        />
        <CheckboxGroup
          legend="Severities"
          items={options.data?.severities.map((s) => ({ value: String(s.id), label: s.name })) ?? []}
          selected={(fields.severityIds ?? []).map(String)}
          onToggle={(value, on) => set({ severityIds: toggle(fields.severityIds, Number(value), on) })}
          error={<FieldError errors={errors} name="severityIds" />}
        />
      </div>
      <div className="grid gap-1.5">
        <MatcherRows rows={fields.matcherRows} onChange={(matcherRows) => set({ matcherRows })} />
        <FieldError errors={errors} name="alertMatchers" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-note`}>What changed?</Label>
        <Input
          id={`${id}-note`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
          required={mode.kind === "edit"}
          placeholder={mode.kind === "edit" ? "e.g. Added the failover step" : "Optional for a new runbook"}
          {...errors.inputProps("note")}
        />
        <FieldError errors={errors} name="note" />
      </div>
      {errors.message ? (
        <div role="alert" className="grid gap-2 rounded-md border border-destructive/50 p-3 text-sm text-destructive">
          <p>{errors.message}</p>
          {isConflict && mode.kind === "edit" ? (
            <div className="flex flex-wrap gap-2">
              <a className="underline" href={`/runbooks/${mode.runbookId}`} target="_blank" rel="noreferrer">
                Open the latest revision in a new tab
              </a>
              <Button type="button" size="sm" variant="outline" onClick={() => void rebase()}>
                Keep my text and save over it
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSaving}>
          {isSaving ? "Saving…" : mode.kind === "create" ? "Create runbook" : "Save revision"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

type CheckboxGroupProps = { legend: string; items: { value: string; label: string }[]; selected: string[]; onToggle: (value: string, on: boolean) => void; error?: ReactNode };

function CheckboxGroup({ legend, items, selected, onToggle, error }: CheckboxGroupProps) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {items.length === 0 ? <p className="text-sm text-muted-foreground">None to choose from.</p> : null}
      <div className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2">
        {items.map((item) => (
          <label key={item.value} className="flex min-w-0 items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 shrink-0 accent-primary" checked={selected.includes(item.value)} onChange={(e) => onToggle(item.value, e.target.checked)} />
            <span className="truncate">{item.label}</span>
          </label>
        ))}
      </div>
      {error}
    </fieldset>
  );
}
