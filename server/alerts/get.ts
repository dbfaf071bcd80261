import { eq, sql } from "drizzle-orm";
import { alertRoutingRules, alerts, alertSources, incidents } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { notFound } from "@/server/errors";
import { alertSummaryColumns, presentSummary } from "./list";

export async function getAlert({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const [row] = await ctx.db
    .select({
      ...alertSummaryColumns(ctx.actor),
      description: alerts.description,
      annotations: alerts.annotations,
      sourceUrl: alerts.sourceUrl,
      raw: alerts.raw,
      // No rule but a group key: routing used its built-in default. Neither: not routed (yet).
      ruleName: sql<string | null>`coalesce(${alertRoutingRules.name}, case when ${alerts.groupKey} is not null then 'Default rule' end)`,
    })
    .from(alerts)
    .innerJoin(alertSources, eq(alertSources.id, alerts.sourceId))
    .leftJoin(incidents, eq(incidents.id, alerts.incidentId))
    .leftJoin(alertRoutingRules, eq(alertRoutingRules.id, alerts.ruleId))
    .where(eq(alerts.id, input.id))
    .limit(1);
  if (!row) throw notFound("That alert");
  return presentSummary(row);
}
