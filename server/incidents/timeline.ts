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

  // A flat selection of only what the output carries: drizzle maps every selected column of every
  // row (500 here), and nested selections cost a path walk and a null check per column on top.
  const rows = await ctx.db
    .select({
      id: incidentEvents.id,
      seq: incidentEvents.seq,
      kind: incidentEvents.kind,
      actorId: incidentEvents.actorId,
      occurredAt: incidentEvents.occurredAt,
      recordedAt: incidentEvents.recordedAt,
      data: incidentEvents.data,
      body: incidentEvents.body,
      supersedesId: incidentEvents.supersedesId,
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

  return rows.map((row) => ({
    id: row.id,
    seq: row.seq,
    ...readStoredEvent(row),
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? "Unknown" } : null,
    occurredAt: row.occurredAt,
    recordedAt: row.recordedAt,
    body: row.body,
    supersedesId: row.supersedesId,
    supersededById: row.supersededById ?? null,
    isHighlighted: row.isHighlighted,
  }));
}
