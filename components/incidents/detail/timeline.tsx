"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Star } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/select-native";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import type { TimelineEventKind } from "@/lib/events/catalogue";
import { describeEvent } from "@/lib/timeline-text";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import type { IncidentOutput } from "@/server/incidents/outputs";
import { NoteComposer, type Correction } from "./note-composer";
import { Timestamp, useTimeZone } from "./time-zone";
import { useIncidentMutationCallbacks } from "./use-incident-mutation";

// The server also matches each kind's older stored spellings, so old rows show under these filters.
const kindFilters = {
  all: undefined,
  notes: ["note.added"],
  updates: ["status_update.posted"],
  status: ["status.changed", "milestone.corrected"],
  roles: ["role.assigned", "role.released", "participant.added"],
  changes: ["severity.changed", "field.changed", "services.changed", "visibility.changed"],
  runbooks: ["runbook.attached", "runbook.step_done", "runbook.step_undone", "runbook.step_noted", "runbook.rated", "alert.attached", "alert.received", "alert.resolved", "alert.all_resolved"],
  followUp: [
    "post_mortem.started",
    "post_mortem.review_requested",
    "post_mortem.reviewed",
    "post_mortem.published",
    "post_mortem.reopened",
    "action_item.created",
    "action_item.status_changed",
    "action_item.updated",
  ],
} as const satisfies Record<string, readonly TimelineEventKind[] | undefined>;

export function Timeline({ incident }: { incident: IncidentOutput }) {
  const trpc = useTRPC();
  const { isUtc, setIsUtc } = useTimeZone();
  const [kind, setKind] = useState<keyof typeof kindFilters>("all");
  const [highlightedOnly, setHighlightedOnly] = useState(false);
  const [actorId, setActorId] = useState("");
  const [correction, setCorrection] = useState<Correction | null>(null);
  const events = useQuery(
    trpc.incidents.timeline.queryOptions({ incidentId: incident.id, kinds: kindFilters[kind] ? [...kindFilters[kind]] : undefined, highlightedOnly, actorId: actorId || undefined }),
  );
  const callbacks = useIncidentMutationCallbacks(incident.id);
  const highlight = useMutation(trpc.incidents.setHighlight.mutationOptions(callbacks("Highlight saved")));

  return (
    <Card>
      <CardHeader className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle as="h2" className="text-base">
            Timeline
          </CardTitle>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={isUtc} onChange={(e) => setIsUtc(e.target.checked)} /> Show times in UTC
          </label>
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label="Filter the timeline">
          <NativeSelect aria-label="Kind of event" wrapperClassName="w-40" value={kind} onChange={(e) => setKind(e.target.value as keyof typeof kindFilters)}>
            <option value="all">Everything</option>
            <option value="notes">Notes</option>
            <option value="updates">Status updates</option>
            <option value="status">Status &amp; milestones</option>
            <option value="roles">Roles &amp; people</option>
            <option value="changes">Field changes</option>
            <option value="runbooks">Runbooks &amp; alerts</option>
            <option value="followUp">Post-mortem &amp; action items</option>
          </NativeSelect>
          <NativeSelect aria-label="Person" wrapperClassName="w-40" value={actorId} onChange={(e) => setActorId(e.target.value)}>
            <option value="">Anyone</option>
            {incident.participants.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={highlightedOnly} onChange={(e) => setHighlightedOnly(e.target.checked)} /> Highlighted only
          </label>
        </div>
      </CardHeader>
      <CardContent className="grid gap-4">
        {incident.canWrite ? <NoteComposer incidentId={incident.id} correction={correction} onDone={() => setCorrection(null)} /> : null}
        {events.isPending ? <Spinner label="Loading timeline" /> : null}
        {events.isError ? (
          <p role="alert" className="text-destructive">
            {errorMessage(events.error)}
          </p>
        ) : null}
        {events.data?.length === 0 ? <p className="text-sm text-muted-foreground">Nothing matches these filters.</p> : null}
        <ol className="grid gap-3" aria-label="Timeline events">
          {events.data?.map((event) => (
            <li
              key={event.id}
              className={cn(
                // On phones the time and the buttons share the first line, so the text gets the full width below them.
                "grid grid-cols-[1fr_auto] gap-x-3 border-l-2 pl-3 sm:grid-cols-[auto_1fr_auto]",
                event.isHighlighted ? "border-warning" : "border-border",
                event.supersededById && "opacity-60",
              )}
              data-testid="timeline-event"
            >
              <span className="text-xs text-muted-foreground max-sm:col-start-1 max-sm:row-start-1 max-sm:self-center">
                <Timestamp value={event.occurredAt} />
              </span>
              <div className="min-w-0 max-sm:col-span-2 max-sm:row-start-2">
                <p className="text-sm">
                  <span className="font-medium">{describeEvent(event)}</span>
                  {event.actor ? <span className="text-muted-foreground"> · {event.actor.name}</span> : null}
                  {event.supersededById ? <span className="text-muted-foreground"> · corrected</span> : null}
                </p>
                {event.body ? <p className="whitespace-pre-wrap break-words text-sm">{event.body}</p> : null}
              </div>
              {incident.canWrite ? (
                <div className="flex items-start gap-1 max-sm:col-start-2 max-sm:row-start-1">
                  {event.kind === "note.added" && !event.supersededById ? (
                    <Button size="sm" variant="ghost" onClick={() => setCorrection({ eventId: event.id, body: event.body ?? "" })}>
                      Correct
                    </Button>
                  ) : null}
                  <Button
                    size="icon"
                    variant="ghost"
                    aria-pressed={event.isHighlighted}
                    aria-label={event.isHighlighted ? "Remove highlight" : "Highlight for the post-mortem"}
                    onClick={() => highlight.mutate({ incidentId: incident.id, eventId: event.id, isHighlighted: !event.isHighlighted })}
                  >
                    <Star className={cn("size-4", event.isHighlighted && "fill-warning text-warning")} aria-hidden />
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
