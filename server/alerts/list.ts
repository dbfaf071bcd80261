import { and, desc, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { alerts, alertSources } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import type { listAlertsInput } from "./schemas";

export const alertSummaryColumns = {
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
  incidentId: alerts.incidentId,
};

type SummaryRow = { sourceId: string; sourceName: string; sourceKind: (typeof alertSources.$inferSelect)["kind"] } & Record<string, unknown>;

export function presentSummary<T extends SummaryRow>({ sourceId, sourceName, sourceKind, ...rest }: T) {
  return { ...rest, source: { id: sourceId, name: sourceName, kind: sourceKind } };
}

/** The latest alerts, newest activity first; every signed-in person may read them (as incidents). */
export async function listAlerts({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof listAlertsInput> }) {
  const filters: SQL[] = [];
  if (input.sourceId) filters.push(eq(alerts.sourceId, input.sourceId));
  if (input.status) filters.push(eq(alerts.status, input.status));
  const rows = await ctx.db
    .select(alertSummaryColumns)
    .from(alerts)
    .innerJoin(alertSources, eq(alertSources.id, alerts.sourceId))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(alerts.lastSeenAt), desc(alerts.id))
    .limit(input.limit);
  return rows.map(presentSummary);
}
