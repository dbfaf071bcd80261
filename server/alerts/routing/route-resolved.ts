// An alert of an incident resolved: the timeline says so, and when it was the last firing alert of an
// incident that alerts opened, the opening source's auto-resolve setting applies — only say so, move
// the incident to monitoring, or resolve it. Never for an incident a person reopened, or one that
// still has a firing alert.
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { ALERTS_USER_ID, alertSources, alerts, incidentEvents, incidents } from "@/db/schema";
import type { AlertAutoResolveMode } from "@/db/enums";
import { canTransition, isOpen } from "@/lib/incident-lifecycle";
import { changeStatus } from "@/server/incidents/change-status";
import { mutateIncident } from "@/server/incidents/mutate";
import { alertsContext } from "./alerts-actor";

const targetStatus = { monitoring: "monitoring", resolve: "resolved" } as const;

export async function routeResolved(tx: Tx, alertId: string, source: { name: string }, now: Date): Promise<void> {
  const [alert] = await tx.select({ incidentId: alerts.incidentId, title: alerts.title }).from(alerts).where(eq(alerts.id, alertId));
  if (!alert?.incidentId) return;
  const [incident] = await tx.select({ status: incidents.status }).from(incidents).where(eq(incidents.id, alert.incidentId));
  if (!incident || !isOpen(incident.status)) return;
  const ctx = alertsContext(tx, now);
  const updated = await mutateIncident(ctx, { incidentId: alert.incidentId, expectedVersion: null }, async () => ({
    changesState: false,
    events: [{ kind: "alert.resolved", data: { alertId, title: alert.title, source: source.name } }],
    audit: { action: "incident.alert_resolved", after: { alertId } },
  }));
  if (updated.declaredById !== ALERTS_USER_ID) return;
  const [firing] = await tx
    .select({ count: count() })
    .from(alerts)
    .where(and(eq(alerts.incidentId, updated.id), eq(alerts.status, "firing")));
  if ((firing?.count ?? 0) > 0) return;

  const mode = await openingSourceMode(tx, updated.id);
  const refusal = mode === "event" ? null : await whyNotApply(tx, updated.id, updated.status, targetStatus[mode]);
  await mutateIncident(ctx, { incidentId: updated.id, expectedVersion: null }, async () => ({
    changesState: false,
    events: [{ kind: "alert.all_resolved", data: { action: mode, applied: refusal === null, reason: refusal } }],
    audit: { action: "incident.alert_resolved", after: { allResolved: true, action: mode, applied: refusal === null } },
  }));
  if (mode !== "event" && refusal === null && updated.status !== targetStatus[mode]) {
    // The row lock taken above is held to the end of this transaction, so the version is current.
    await changeStatus({ ctx, input: { incidentId: updated.id, expectedVersion: updated.version, to: targetStatus[mode] } });
  }
}

/** The auto-resolve setting of the source whose alert opened the incident. */
async function openingSourceMode(tx: Tx, incidentId: string): Promise<AlertAutoResolveMode> {
  const [row] = await tx
    .select({ mode: alertSources.autoResolve })
    .from(alerts)
    .innerJoin(alertSources, eq(alertSources.id, alerts.sourceId))
    .where(eq(alerts.incidentId, incidentId))
    .orderBy(asc(alerts.createdAt))
    .limit(1);
  return row?.mode ?? "event";
}

async function whyNotApply(tx: Tx, incidentId: string, status: Parameters<typeof canTransition>[0], to: Parameters<typeof canTransition>[1]): Promise<string | null> {
  const [reopened] = await tx
    .select({ id: incidentEvents.id })
    .from(incidentEvents)
    .where(and(eq(incidentEvents.incidentId, incidentId), eq(incidentEvents.kind, "status.changed"), sql`${incidentEvents.data}->>'reopened' = 'true'`, ne(incidentEvents.actorId, ALERTS_USER_ID)))
    .limit(1);
  if (reopened) return "a person reopened this incident, so people decide when it ends";
  if (status !== to && !canTransition(status, to)) return `an incident in ${status} cannot move to ${to}`;
  return null;
}
