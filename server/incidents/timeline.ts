import { and, asc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { incidentEventHighlights, incidentEvents, users } from "@/db/schema";
import { readStoredEvent, storedSpellings, type TimelineEventKind } from "@/lib/events/catalogue";
import type { ServiceContext } from "@/server/context";
import { loadVisibleIncident } from "./access";
import type { TimelineEventOutput } from "./outputs";

type TimelineQuery = { incidentId: string; kinds?: TimelineEventKind[]; highlightedOnly?: boolean; actorId?: string; afterSeq?: number };

/** The incident's timeline in occurrence order; corrected events carry the id of their correction. */
export async function getTimeline({ ctx, input }: { ctx: ServiceContext; input: TimelineQuery }): Promise<TimelineEventOutput[]> {
  const incident = await loadVisibleIncident(ctx.db, ctx.actor, input.incidentId);
  return readEvents(ctx, incident.id, input);
}

export async function readEvents(ctx: Pick<ServiceContext, "db">, incidentId: string, input: Omit<TimelineQuery, "incidentId">): Promise<TimelineEventOutput[]> {
  const correction = alias(incidentEvents, "correction");
  const filters: SQL[] = [eq(incidentEvents.incidentId, incidentId)];
  // Rows keep the name they were written under (the table is append-only), so match every spelling.
  if (input.kinds?.length) filters.push(inArray(incidentEvents.kind, storedSpellings(input.kinds)));
  if (input.actorId) filters.push(eq(incidentEvents.actorId, input.actorId));
  if (input.afterSeq !== undefined) filters.push(gt(incidentEvents.seq, input.afterSeq));
  if (input.highlightedOnly) filters.push(sql`${incidentEventHighlights.eventId} is not null`);

  const rows = await ctx.db
    .select({
      event: incidentEvents,
      actorName: users.name,
      isHighlighted: sql<boolean>`${incidentEventHighlights.eventId} is not null`,
      supersededById: correction.id,
    })
    .from(incidentEvents)
    .leftJoin(users, eq(users.id, incidentEvents.actorId))
    .leftJoin(incidentEventHighlights, eq(incidentEventHighlights.eventId, incidentEvents.id))
    .leftJoin(correction, eq(correction.supersedesId, incidentEvents.id))
    .where(and(...filters))
    .orderBy(input.afterSeq !== undefined ? asc(incidentEvents.seq) : asc(incidentEvents.occurredAt), asc(incidentEvents.seq));

  return rows.map(({ event, actorName, isHighlighted, supersededById }) => ({
    id: event.id,
    seq: event.seq,
    ...readStoredEvent(event),
    actor: event.actorId ? { id: event.actorId, name: actorName ?? "Unknown" } : null,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    body: event.body,
    supersedesId: event.supersedesId,
    supersededById: supersededById ?? null,
    isHighlighted,
  }));
}
