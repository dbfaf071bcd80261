import { and, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { alerts, alertSources, incidents } from "@/db/schema";
import { alertWindowHours } from "@/lib/alerts";
import { encodeCursor } from "@/lib/validation/cursor";
import type { Actor, ServiceContext } from "@/server/context";
import { reference, visibleTo } from "@/server/incidents/access";
import type { listAlertsInput } from "./schemas";

/** The summary columns; `from(alerts)` joined with its source and (left) its incident, see `joinSummary`. */
export function alertSummaryColumns(actor: Actor) {
  const visible = visibleTo(actor);
  return {
    id: alerts.id,
    sourceId: alertSources.id,
    sourceName: alertSources.name,
    sourceKind: alertSources.kind,
    fingerprint: alerts.fingerprint,
    status: alerts.status,
    tier: alerts.tier,
    title: alerts.title,
    labels: alerts.labels,
    startedAt: alerts.startedAt,
    endedAt: alerts.endedAt,
    lastSeenAt: alerts.lastSeenAt,
    occurrences: alerts.occurrences,
    incidentId: incidents.id,
    incidentNumber: incidents.number,
    incidentTitle: incidents.title,
    // Decided in the same query as the read, so a hidden incident and no incident look the same.
    isIncidentVisible: visible ? sql<boolean>`coalesce(${visible}, false)` : sql<boolean>`true`,
  };
}

type SummaryRow = {
  sourceId: string;
  sourceName: string;
  sourceKind: (typeof alertSources.$inferSelect)["kind"];
  incidentId: string | null;
  incidentNumber: number | null;
  incidentTitle: string | null;
  isIncidentVisible: boolean;
};

export function presentSummary<T extends SummaryRow>({ sourceId, sourceName, sourceKind, incidentId, incidentNumber, incidentTitle, isIncidentVisible, ...rest }: T) {
  const incident = incidentId && isIncidentVisible ? { id: incidentId, reference: reference({ number: incidentNumber ?? 0 }), title: incidentTitle ?? "" } : null;
  return { ...rest, source: { id: sourceId, name: sourceName, kind: sourceKind }, incidentId: incident?.id ?? null, incident };
}

type ListInput = z.infer<typeof listAlertsInput>;

function filtersFor(input: ListInput, now: Date): SQL[] {
  const filters: SQL[] = [];
  if (input.sourceId) filters.push(eq(alerts.sourceId, input.sourceId));
  if (input.status) filters.push(eq(alerts.status, input.status));
  if (input.tier) filters.push(eq(alerts.tier, input.tier));
  // Containment (labels @> {"name":"value"}): an exact label match, the jsonb way.
  if (input.label) filters.push(sql`${alerts.labels} @> ${JSON.stringify({ [input.label.name]: input.label.value })}::jsonb`);
  if (input.window) filters.push(gte(alerts.lastSeenAt, new Date(now.getTime() - alertWindowHours[input.window] * 3_600_000)));
  if (input.cursor) {
    const at = sql`${input.cursor.l}::timestamptz`;
    filters.push(or(sql`${alerts.lastSeenAt} < ${at}`, and(sql`${alerts.lastSeenAt} = ${at}`, lt(alerts.id, input.cursor.i)))!);
  }
  return filters;
}

/** Alerts, newest activity first, a page at a time; every signed-in person may read them (as incidents). */
export async function listAlerts({ ctx, input, now = new Date() }: { ctx: ServiceContext; input: ListInput; now?: Date }) {
  const filters = filtersFor(input, now);
  const rows = await ctx.db
    .select({ ...alertSummaryColumns(ctx.actor), cursorAt: sql<string>`${alerts.lastSeenAt}::text` })
    .from(alerts)
    .innerJoin(alertSources, eq(alertSources.id, alerts.sourceId))
    .leftJoin(incidents, eq(incidents.id, alerts.incidentId))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(alerts.lastSeenAt), desc(alerts.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    alerts: page.map(({ cursorAt: _, ...row }) => presentSummary(row)),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ l: last.cursorAt, i: last.id }) : null,
  };
}
