import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { beforeEach, describe, expect, it } from "vitest";
import { transformer } from "@/lib/trpc/transformer";
import type { IncidentOutput, TimelineEventOutput } from "@/server/incidents/outputs";
import type { EventsMessage } from "@/server/live/messages";
import type { AppRouter } from "@/server/trpc/root";
import { applyIncidentMessage } from "./apply-message";

const incidentId = "00000000-0000-4000-8000-000000000001";
const riley = { id: "00000000-0000-4000-8000-0000000000aa", name: "Riley" };
// No server: a query that tried to load would fail loudly, and invalidations are counted instead.
const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "http://127.0.0.1:9/api/trpc", transformer })] });

let queryClient: QueryClient;
let trpc: ReturnType<typeof createTRPCOptionsProxy<AppRouter>>;
beforeEach(() => {
  queryClient = new QueryClient();
  trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient });
});

const event = (seq: number, minute: number, extra: Partial<TimelineEventOutput> = {}): TimelineEventOutput =>
  ({
    id: 100 + seq,
    seq,
    kind: "note.added",
    actor: riley,
    occurredAt: new Date(Date.UTC(2026, 11, 2, 3, minute)),
    recordedAt: new Date(Date.UTC(2026, 11, 2, 3, minute)),
    data: {},
    body: `note ${seq}`,
    supersedesId: null,
    supersededById: null,
    isHighlighted: false,
    ...extra,
  }) as TimelineEventOutput;
const incident = { id: incidentId, title: "Checkout down", status: "investigating", version: 4, lastEventSeq: 3, participants: [riley] } as IncidentOutput;
const message = (events: TimelineEventOutput[], head = { version: 4, lastEventSeq: events.at(-1)?.seq ?? 3 }, whole: IncidentOutput | null = null): EventsMessage => ({
  type: "events",
  events,
  head,
  incident: whole,
});

const keys = () => ({
  incident: trpc.incidents.get.queryKey({ incidentId }),
  all: trpc.incidents.timeline.queryKey({ incidentId, highlightedOnly: false }),
  notes: trpc.incidents.timeline.queryKey({ incidentId, kinds: ["note.added"], highlightedOnly: false }),
  statuses: trpc.incidents.timeline.queryKey({ incidentId, kinds: ["status.changed"], highlightedOnly: false }),
});
const invalidated = () =>
  queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated).length;

function seed() {
  const k = keys();
  queryClient.setQueryData(k.incident, incident);
  queryClient.setQueryData(k.all, [event(1, 1), event(2, 2), event(3, 3)]);
  queryClient.setQueryData(k.notes, [event(1, 1), event(2, 2), event(3, 3)]);
  queryClient.setQueryData(k.statuses, []);
  return k;
}

describe("applying a live message to the page's cache", () => {
  it("appends the next event to every timeline it belongs in and moves the head, with no refetch", () => {
    const k = seed();
    expect(applyIncidentMessage(queryClient, trpc, incidentId, message([event(4, 4)]))).toBe("applied");
    expect(queryClient.getQueryData(k.all)?.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(queryClient.getQueryData(k.notes)?.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(queryClient.getQueryData(k.statuses)).toEqual([]);
    expect(queryClient.getQueryData(k.incident)).toMatchObject({ lastEventSeq: 4, version: 4, title: "Checkout down" });
    expect(invalidated()).toBe(0);
  });

  it("puts a note about the past where it happened, and a correction marks what it corrects", () => {
    const k = seed();
    applyIncidentMessage(queryClient, trpc, incidentId, message([event(4, 0, { body: "earlier" }), event(5, 5, { supersedesId: 102 })]));
    expect(queryClient.getQueryData(k.all)?.map((e) => e.seq)).toEqual([4, 1, 2, 3, 5]);
    expect(queryClient.getQueryData(k.all)?.find((e) => e.seq === 2)?.supersededById).toBe(105);
  });

  it("takes the whole incident when its state changed", () => {
    const k = seed();
    applyIncidentMessage(
      queryClient,
      trpc,
      incidentId,
      message([event(4, 4, { kind: "status.changed", body: null })], { version: 5, lastEventSeq: 4 }, { ...incident, status: "monitoring", version: 5 }),
    );
    expect(queryClient.getQueryData(k.incident)).toMatchObject({ status: "monitoring", version: 5, lastEventSeq: 4 });
    expect(queryClient.getQueryData(k.statuses)?.map((e) => e.seq)).toEqual([4]);
  });

  it("ignores an event it already holds (its own echo after a refetch) and never shows it twice", () => {
    const k = seed();
    applyIncidentMessage(queryClient, trpc, incidentId, message([event(3, 3)]));
    expect(queryClient.getQueryData(k.all)?.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(invalidated()).toBe(0);
  });

  it("a gap in sequence numbers leads to exactly one refetch of the incident and its timelines", () => {
    const k = seed();
    expect(applyIncidentMessage(queryClient, trpc, incidentId, message([event(6, 6)]))).toBe("refetched");
    expect(invalidated()).toBe(4);
    expect(queryClient.getQueryState(k.incident)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryData(k.all)?.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it("presence replaces who is here; a highlight marks the event in place", () => {
    const k = seed();
    applyIncidentMessage(queryClient, trpc, incidentId, { type: "presence", viewers: [riley] });
    expect(queryClient.getQueryData(trpc.incidents.viewers.queryKey({ incidentId }))).toEqual([riley]);
    applyIncidentMessage(queryClient, trpc, incidentId, { type: "highlight", eventId: 102, isHighlighted: true });
    expect(queryClient.getQueryData(k.all)?.find((e) => e.id === 102)?.isHighlighted).toBe(true);
    expect(invalidated()).toBe(0);
  });
});

describe("who takes part", () => {
  it("someone who acts for the first time joins the participants, in name order, without a refetch", () => {
    const k = seed();
    queryClient.setQueryData(k.incident, { ...incident, participants: [riley] });
    const sam = { id: "00000000-0000-4000-8000-0000000000bb", name: "Ada" };
    applyIncidentMessage(queryClient, trpc, incidentId, message([event(4, 4, { actor: sam })]));
    expect(queryClient.getQueryData(k.incident)?.participants).toEqual([sam, riley]);
    expect(invalidated()).toBe(0);
  });
});
