import type { z } from "zod";
import { incidentAlerts } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { mutateIncident } from "@/server/incidents/mutate";
import type { attachAlertInput } from "./schemas";

/** Records an alert on the incident (by hand for now); its labels drive runbook suggestions. */
export async function attachAlert({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof attachAlertInput> }) {
  let id = "";
  await mutateIncident(ctx, { incidentId: input.incidentId, expectedVersion: null }, async (tx, incident, now) => {
    const [alert] = await tx
      .insert(incidentAlerts)
      .values({ incidentId: incident.id, title: input.title, labels: input.labels, source: "manual", firedAt: now, attachedById: ctx.actor.id })
      .returning({ id: incidentAlerts.id });
    if (!alert) throw new Error("insert returned no row");
    id = alert.id;
    return {
      changesState: false,
      events: [{ kind: "alert.attached", data: { alertId: alert.id, title: input.title, labels: input.labels } }],
      audit: { action: "incident.alert_attached", after: { alertId: alert.id } },
    };
  });
  return { id };
}
