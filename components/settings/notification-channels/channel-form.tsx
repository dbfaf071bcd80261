"use client";

// Adds or edits a channel. Editing never shows the stored URL (the server keeps it sealed): an empty
// address field keeps it, a filled one replaces it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { FieldError, useFormErrors } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { useTRPC } from "@/components/trpc/client";
import { channelKindLabels, channelTargetLabels, type DrillFilter, drillFilterLabels, drillFilters, type NotificationChannelKind, notificationChannelKinds } from "@/lib/notification-channels";
import { type OutgoingEventType, outgoingEventLabels, outgoingEventTypes } from "@/lib/outgoing-events";
import type { AppRouter } from "@/server/trpc/root";
import { CheckboxGroup } from "./checkbox-group";
import type { ShownSecret } from "./secret-notice";

export type Channel = inferRouterOutputs<AppRouter>["notificationChannels"]["list"][number];

const fields = ["kind", "name", "target", "eventTypes", "maxSeverityRank", "serviceIds", "teamIds", "drills", "includePrivate"] as const;
type Field = (typeof fields)[number];

export function ChannelForm({ channel, onDone, onSecret }: { channel: Channel | null; onDone: () => void; onSecret: (shown: ShownSecret) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const idBase = `channel-${channel?.id ?? "new"}`;
  const errors = useFormErrors(idBase, fields);
  const options = useQuery(trpc.incidents.formOptions.queryOptions()).data;
  const teams = useQuery(trpc.teams.list.queryOptions()).data ?? [];
  const nameInput = useRef<HTMLInputElement>(null);
  // The form opens where it was asked for; focus moves into it so a keyboard user lands on its first field.
  useEffect(() => nameInput.current?.focus(), []);
  const [kind, setKind] = useState<NotificationChannelKind>(channel?.kind ?? "slack");
  const [name, setName] = useState(channel?.name ?? "");
  const [target, setTarget] = useState("");
  const [eventTypes, setEventTypes] = useState<string[]>(channel?.eventTypes ?? ["incident.declared", "incident.resolved"]);
  const [maxSeverityRank, setMaxSeverityRank] = useState(channel?.maxSeverityRank ? String(channel.maxSeverityRank) : "");
  const [serviceIds, setServiceIds] = useState<string[]>(channel?.serviceIds ?? []);
  const [teamIds, setTeamIds] = useState<string[]>(channel?.teamIds ?? []);
  const [drills, setDrills] = useState<DrillFilter>(channel?.drills ?? "exclude");
  const [includePrivate, setIncludePrivate] = useState(channel?.includePrivate ?? false);

  const onError = (error: unknown) => errors.show(error);
  const saved = (name: string) => {
    errors.clear();
    void queryClient.invalidateQueries({ queryKey: trpc.notificationChannels.pathKey() });
    toast.success(channel ? `Channel ${name} saved.` : `Channel ${name} added.`);
    onDone();
  };
  const create = useMutation(
    trpc.notificationChannels.create.mutationOptions({
      onSuccess: ({ channel: created, secret }) => {
        if (secret) onSecret({ channelId: created.id, name: created.name, secret });
        saved(created.name);
      },
      onError,
    }),
  );
  const update = useMutation(trpc.notificationChannels.update.mutationOptions({ onSuccess: (updated) => saved(updated.name), onError }));
  const isPending = create.isPending || update.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    const settings = {
      name,
      eventTypes: eventTypes as OutgoingEventType[],
      maxSeverityRank: maxSeverityRank === "" ? null : Number(maxSeverityRank),
      serviceIds,
      teamIds,
      drills,
      includePrivate,
    };
    if (channel) update.mutate({ id: channel.id, ...settings, ...(target.trim() ? { target } : {}) });
    else create.mutate({ kind, target, ...settings });
  }

  const fieldId = (field: Field) => `${idBase}-${field}`;
  const targetHintId = `${idBase}-target-hint`;
  const privateHintId = `${idBase}-private-hint`;
  const targetText = channelTargetLabels[kind];

  return (
    <form onSubmit={submit} noValidate className="grid min-w-0 gap-4 rounded-md border border-border p-3 sm:p-4" aria-label={channel ? `Edit channel ${channel.name}` : "New notification channel"}>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid gap-1">
          <Label htmlFor={fieldId("name")}>Name</Label>
          <Input
            ref={nameInput}
            id={fieldId("name")}
            value={name}
            maxLength={100}
            placeholder="e.g. Slack #incidents"
            onChange={(event) => setName(event.target.value)}
            {...errors.inputProps("name")}
          />
          <FieldError errors={errors} name="name" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={fieldId("kind")}>Send to</Label>
          <NativeSelect id={fieldId("kind")} value={kind} disabled={channel !== null} onChange={(event) => setKind(event.target.value as NotificationChannelKind)} {...errors.inputProps("kind")}>
            {notificationChannelKinds.map((value) => (
              <option key={value} value={value}>
                {channelKindLabels[value]}
              </option>
            ))}
          </NativeSelect>
          <FieldError errors={errors} name="kind" />
        </div>
      </div>
      <div className="grid gap-1">
        <Label htmlFor={fieldId("target")}>{channel ? `New ${targetText.label.charAt(0).toLowerCase()}${targetText.label.slice(1)}` : targetText.label}</Label>
        <Input
          id={fieldId("target")}
          type={kind === "email" ? "email" : "url"}
          value={target}
          maxLength={2000}
          placeholder={targetText.placeholder}
          autoComplete="off"
          onChange={(event) => setTarget(event.target.value)}
          {...errors.inputProps("target", targetHintId)}
        />
        <p id={targetHintId} className="text-xs text-muted-foreground">
          {channel ? `Leave empty to keep the current one (${channel.targetHint}).` : "Stored encrypted; afterwards only its start and last characters are shown."}
        </p>
        <FieldError errors={errors} name="target" />
      </div>
      <div>
        <CheckboxGroup
          legend="Events to send"
          options={outgoingEventTypes.map((value) => ({ value, label: outgoingEventLabels[value] }))}
          selected={eventTypes}
          onChange={setEventTypes}
          describedBy={errors.fields.eventTypes ? errors.errorId("eventTypes") : undefined}
        />
        <FieldError errors={errors} name="eventTypes" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid gap-1">
          <Label htmlFor={fieldId("maxSeverityRank")}>Minimum severity</Label>
          <NativeSelect id={fieldId("maxSeverityRank")} value={maxSeverityRank} onChange={(event) => setMaxSeverityRank(event.target.value)} {...errors.inputProps("maxSeverityRank")}>
            <option value="">Every severity</option>
            {(options?.severities ?? []).map((severity) => (
              <option key={severity.rank} value={String(severity.rank)}>
                {severity.rank === 1 ? `${severity.name} only` : `${severity.name} or more severe`}
              </option>
            ))}
          </NativeSelect>
          <FieldError errors={errors} name="maxSeverityRank" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={fieldId("drills")}>Drills</Label>
          <NativeSelect id={fieldId("drills")} value={drills} onChange={(event) => setDrills(event.target.value as DrillFilter)} {...errors.inputProps("drills")}>
            {drillFilters.map((value) => (
              <option key={value} value={value}>
                {drillFilterLabels[value]}
              </option>
            ))}
          </NativeSelect>
          <FieldError errors={errors} name="drills" />
        </div>
      </div>
      <div>
        <CheckboxGroup
          legend="Only these services (none chosen: every service)"
          options={(options?.services ?? []).map((service) => ({ value: service.id, label: service.name }))}
          selected={serviceIds}
          onChange={setServiceIds}
          empty="No services yet."
        />
        <FieldError errors={errors} name="serviceIds" />
      </div>
      <div>
        <CheckboxGroup
          legend="Only these teams (none chosen: every team)"
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
          selected={teamIds}
          onChange={setTeamIds}
          empty="No teams yet."
        />
        <FieldError errors={errors} name="teamIds" />
      </div>
      <div className="grid gap-1">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" className="size-4 accent-primary" checked={includePrivate} onChange={(event) => setIncludePrivate(event.target.checked)} aria-describedby={privateHintId} />
          Send private incidents to this channel
        </label>
        <p id={privateHintId} className={includePrivate ? "text-xs font-medium text-warning-foreground dark:text-warning" : "text-xs text-muted-foreground"}>
          A private incident goes here only when one of its participants belongs to a team chosen above (none chosen: no private incident goes). Everyone who can read this channel will see its title,
          status and updates, including people who are not participants.
        </p>
        <FieldError errors={errors} name="includePrivate" />
      </div>
      {errors.message ? (
        <p role="alert" className="text-sm text-destructive">
          {errors.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : channel ? "Save channel" : "Add channel"}
        </Button>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
