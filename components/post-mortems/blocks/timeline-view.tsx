"use client";

import { useQuery } from "@tanstack/react-query";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { describeEvent } from "@/lib/timeline-text";
import { useTRPC } from "@/components/trpc/client";
import { useIncidentStream } from "@/components/incidents/live/incident-stream";

/** The incident's highlighted events, live: highlight or correct an event on the incident and it shows here. */
export function TimelineView({ node }: ReactNodeViewProps) {
  const incidentId = String(node.attrs.incidentId ?? "");
  const trpc = useTRPC();
  const incident = useQuery({ ...trpc.incidents.get.queryOptions({ incidentId }), enabled: Boolean(incidentId) });
  const events = useQuery({ ...trpc.incidents.timeline.queryOptions({ incidentId, highlightedOnly: true }), enabled: Boolean(incidentId) });
  useIncidentStream(incidentId, incident.data?.lastEventSeq);
  const shown = events.data?.filter((event) => !event.supersededById) ?? [];
  return (
    <NodeViewWrapper className="my-4 rounded-md border bg-muted/40 p-3 text-sm" data-testid="timeline-block" contentEditable={false}>
      <p className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">Highlighted timeline · live</p>
      {events.isError ? <p role="alert">The timeline could not load. Reload the page.</p> : null}
      {events.isSuccess && shown.length === 0 ? <p className="text-muted-foreground">No highlighted events yet. Star events on the incident page to show them here.</p> : null}
      <ol className="grid gap-1">
        {shown.map((event) => (
          <li key={event.id} className="grid grid-cols-[auto_1fr] gap-x-3">
            <time dateTime={event.occurredAt.toISOString()} className="tabular-nums text-muted-foreground">
              {event.occurredAt.toISOString().slice(11, 16)} UTC
            </time>
            <span>
              {describeEvent(event)}
              {event.body ? `: ${event.body}` : ""}
            </span>
          </li>
        ))}
      </ol>
    </NodeViewWrapper>
  );
}
