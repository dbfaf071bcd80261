// Joins an ingested alert to an incident: the alert record points at it, the incident's alert list
// (which drives runbook suggestions) gains a row, and the timeline says so — one incident change.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { alerts, incidentAlerts, type Incident } from "@/db/schema";
import { mutateIncident } from "@/server/incidents/mutate";
import { alertsContext } from "./alerts-actor";

export type JoiningAlert = { id: string; title: string; labels: Record<string, string>; tier: "info" | "warning" | "critical"; startedAt: Date };

export async function attachToIncident(tx: Tx, incidentId: string, alert: JoiningAlert, source: { name: string }, now: Date, opened: boolean): Promise<Incident> {
  return mutateIncident(alertsContext(tx, now), { incidentId, expectedVersion: null }, async (inner, incident) => {
    await inner.update(alerts).set({ incidentId: incident.id }).where(eq(alerts.id, alert.id));
    await inner.insert(incidentAlerts).values({ incidentId: incident.id, alertId: alert.id, title: alert.title, labels: alert.labels, source: source.name, firedAt: alert.startedAt });
    return {
      changesState: false,
      events: [{ kind: "alert.received", data: { alertId: alert.id, title: alert.title, labels: alert.labels, source: source.name, tier: alert.tier, opened } }],
      audit: { action: "incident.alert_received", after: { alertId: alert.id, tier: alert.tier, opened } },
    };
  });
}
