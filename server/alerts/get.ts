import { eq } from "drizzle-orm";
import { alerts, alertSources } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { notFound } from "@/server/errors";
import { alertSummaryColumns, presentSummary } from "./list";

export async function getAlert({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const [row] = await ctx.db
    .select({ ...alertSummaryColumns, description: alerts.description, annotations: alerts.annotations, sourceUrl: alerts.sourceUrl, raw: alerts.raw })
    .from(alerts)
    .innerJoin(alertSources, eq(alertSources.id, alerts.sourceId))
    .where(eq(alerts.id, input.id))
    .limit(1);
  if (!row) throw notFound("That alert");
  return presentSummary(row);
}
