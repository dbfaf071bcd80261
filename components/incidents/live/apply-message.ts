// Applies a live incident message to the page's cache in place: the event is appended where it
// belongs, the header takes the new state. Only a gap in sequence numbers asks for one refetch.
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { useTRPC } from "@/components/trpc/client";
import type { IncidentOutput, TimelineEventOutput } from "@/server/incidents/outputs";
import type { IncidentFeedMessage } from "@/server/live/messages";

type Trpc = ReturnType<typeof useTRPC>;
type TimelineFilter = { kinds?: string[]; highlightedOnly?: boolean; actorId?: string };

export type ApplyResult = "applied" | "refetched";

// Other panels show what some events change (a ticked runbook step, a new action item): those
// queries, and only those, load again when such an event arrives.
const affected: [RegExp, (trpc: Trpc) => QueryKey][] = [
  [/^(runbook|alert)/, (trpc) => trpc.runbooks.pathKey()],
  [/^action_item/, (trpc) => trpc.actionItems.pathKey()],
  [/^post_?mortem/, (trpc) => trpc.postMortems.pathKey()],
];

export function applyIncidentMessage(queryClient: QueryClient, trpc: Trpc, incidentId: string, message: IncidentFeedMessage): ApplyResult {
  const timelines = { queryKey: trpc.incidents.timeline.queryKey({ incidentId }) };
  switch (message.type) {
    case "presence":
      queryClient.setQueryData(trpc.incidents.viewers.queryKey({ incidentId }), message.viewers);
      return "applied";
    case "highlight":
      for (const [key, events] of queryClient.getQueriesData<TimelineEventOutput[]>(timelines)) {
        if (!events) continue;
        // A filtered view gains or loses a row it may not hold: it asks for its own rows again.
        if (filterOf(key).highlightedOnly) void queryClient.invalidateQueries({ queryKey: key, exact: true });
        else
          queryClient.setQueryData(
            key,
            events.map((event) => (event.id === message.eventId ? { ...event, isHighlighted: message.isHighlighted } : event)),
          );
      }
      return "applied";
    case "database":
      return "applied";
    case "events":
      break;
  }
  const incidentKey = trpc.incidents.get.queryKey({ incidentId });
  const current = queryClient.getQueryData(incidentKey);
  const first = message.events[0];
  if (current && first && first.seq > current.lastEventSeq + 1) {
    // Events went missing between what this page holds and this message: read it all once.
    void queryClient.invalidateQueries({ queryKey: incidentKey, exact: true });
    void queryClient.invalidateQueries(timelines);
    return "refetched";
  }
  const fresh = current ? message.events.filter((event) => event.seq > current.lastEventSeq) : message.events;
  for (const [key, events] of queryClient.getQueriesData<TimelineEventOutput[]>(timelines)) {
    if (events) queryClient.setQueryData(key, mergeEvents(events, fresh, filterOf(key)));
  }
  const { version, lastEventSeq } = message.head;
  if (message.incident && (!current || message.incident.version >= current.version)) {
    queryClient.setQueryData(incidentKey, { ...message.incident, lastEventSeq: Math.max(lastEventSeq, current?.lastEventSeq ?? 0) });
  } else if (current) {
    queryClient.setQueryData(incidentKey, {
      ...current,
      version: Math.max(version, current.version),
      lastEventSeq: Math.max(lastEventSeq, current.lastEventSeq),
      participants: withActors(current.participants, fresh),
    } satisfies IncidentOutput);
  }
  for (const [pattern, keyOf] of affected) {
    if (fresh.some((event) => pattern.test(event.kind))) void queryClient.invalidateQueries({ queryKey: keyOf(trpc) });
  }
  return "applied";
}

/** Whoever acts on an incident takes part in it (server/incidents/mutate.ts): a new actor joins the list. */
function withActors(participants: IncidentOutput["participants"], events: TimelineEventOutput[]): IncidentOutput["participants"] {
  const known = new Set(participants.map((person) => person.id));
  const joined = events.flatMap((event) => (event.actor && !known.has(event.actor.id) && known.add(event.actor.id) ? [event.actor] : []));
  return joined.length ? [...participants, ...joined].sort((a, b) => a.name.localeCompare(b.name)) : participants;
}

function filterOf(key: QueryKey): TimelineFilter {
  return ((key[1] as { input?: TimelineFilter } | undefined)?.input ?? {}) as TimelineFilter;
}

const matches = (filter: TimelineFilter, event: TimelineEventOutput) =>
  !filter.highlightedOnly && (!filter.kinds?.length || filter.kinds.includes(event.kind)) && (!filter.actorId || filter.actorId === event.actor?.id);

const byOccurrence = (a: TimelineEventOutput, b: TimelineEventOutput) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.seq - b.seq;

/** The timeline in occurrence order with the new events in place; a correction marks what it corrects. */
function mergeEvents(events: TimelineEventOutput[], fresh: TimelineEventOutput[], filter: TimelineFilter): TimelineEventOutput[] {
  const corrections = new Map(fresh.filter((event) => event.supersedesId !== null).map((event) => [event.supersedesId, event.id]));
  const known = new Set(events.map((event) => event.id));
  const added = fresh.filter((event) => !known.has(event.id) && matches(filter, event));
  if (added.length === 0 && corrections.size === 0) return events;
  const marked = corrections.size ? events.map((event) => (corrections.has(event.id) ? { ...event, supersededById: corrections.get(event.id) ?? null } : event)) : events;
  return added.length ? [...marked, ...added].sort(byOccurrence) : marked;
}
