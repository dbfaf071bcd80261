import { asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { alerts, incidentAlerts, users } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { loadVisibleIncident } from "@/server/incidents/access";
import type { incidentIdInput } from "./schemas";

/** The alerts attached to an incident: still-firing ones first, then oldest first. Hand-attached ones have no ingested alert. */
export async function alertsForIncident({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof incidentIdInput> }) {
  const incident = await loadVisibleIncident(ctx.db, ctx.actor, input.incidentId);
  const rows = await ctx.db
    .select({
      id: incidentAlerts.id,
      title: incidentAlerts.title,
      labels: incidentAlerts.labels,
      source: incidentAlerts.source,
      firedAt: incidentAlerts.firedAt,
      userId: users.id,
      userName: users.name,
      alertId: alerts.id,
      status: alerts.status,
      tier: alerts.tier,
      occurrences: alerts.occurrences,
      lastSeenAt: alerts.lastSeenAt,
    })
    .from(incidentAlerts)
    .leftJoin(users, eq(users.id, incidentAlerts.attachedById))
    .leftJoin(alerts, eq(alerts.id, incidentAlerts.alertId))
    .where(eq(incidentAlerts.incidentId, incident.id))
    .orderBy(sql`(${alerts.status} = 'firing') is not true`, asc(incidentAlerts.firedAt), asc(incidentAlerts.id));
  return rows.map(({ userId, userName, ...alert }) => ({ ...alert, attachedBy: userId && userName ? { id: userId, name: userName } : null }));
}
