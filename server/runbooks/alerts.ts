import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { incidentAlerts, users } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { loadVisibleIncident } from "@/server/incidents/access";
import type { incidentIdInput } from "./schemas";

/** The alerts attached to an incident, oldest first. */
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
    })
    .from(incidentAlerts)
    .leftJoin(users, eq(users.id, incidentAlerts.attachedById))
    .where(eq(incidentAlerts.incidentId, incident.id))
    .orderBy(asc(incidentAlerts.firedAt));
  return rows.map(({ userId, userName, ...alert }) => ({ ...alert, attachedBy: userId && userName ? { id: userId, name: userName } : null }));
}
