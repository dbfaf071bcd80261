// What a new firing alert does once its rule has given it a tier: info is only recorded; warning and
// critical join the open incident of their group (within the rule's window), else open one — a
// triage incident for a warning, a paged incident for a critical alert.
import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { alerts, incidents, services, severities } from "@/db/schema";
import { openStatuses } from "@/lib/incident-lifecycle";
import { reference } from "@/server/incidents/access";
import { declareIncident } from "@/server/incidents/declare";
import { alertsContext } from "./alerts-actor";
import { attachToIncident, type JoiningAlert } from "./attach";
import { pageOwners } from "./page-owners";
import { type Decision, type RoutingRule, serviceNames } from "./rules";

export type RoutingSource = { id: string; name: string };
export type Routed = { incidentId: string | null; opened: boolean; paged: number };

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The open incident this group's alerts went to within the window (or that still has one firing). */
async function groupIncident(tx: Tx, alertId: string, decision: Decision, now: Date): Promise<string | null> {
  const { rule, groupKey } = decision;
  const windowStart = new Date(now.getTime() - rule.windowMinutes * MINUTE);
  const ackCutoff = rule.joinAcknowledgedWithinHours === null ? null : new Date(now.getTime() - rule.joinAcknowledgedWithinHours * HOUR);
  const [row] = await tx
    .select({ incidentId: incidents.id })
    .from(alerts)
    .innerJoin(incidents, eq(incidents.id, alerts.incidentId))
    .where(
      and(
        eq(alerts.groupKey, groupKey),
        ne(alerts.id, alertId),
        or(eq(alerts.status, "firing"), gt(alerts.lastSeenAt, windowStart)),
        inArray(incidents.status, [...openStatuses]),
        ackCutoff ? or(isNull(incidents.acknowledgedAt), gt(incidents.acknowledgedAt, ackCutoff)) : undefined,
      ),
    )
    .orderBy(desc(alerts.lastSeenAt))
    .limit(1);
  return row?.incidentId ?? null;
}

async function catalogServices(tx: Tx, rule: RoutingRule, labels: Record<string, string>) {
  const names = serviceNames(rule, labels).map((name) => name.toLowerCase());
  if (!names.length) return [];
  return tx
    .select({ id: services.id, tier: services.tier })
    .from(services)
    .where(inArray(sql`lower(${services.name})`, names));
}

/** The rule's severity; else for a critical alert the one matching the most critical service's tier
 * (tier 1 → the most severe level; no known service → the second), for a warning the least severe. */
async function chooseSeverity(tx: Tx, decision: Decision, serviceTiers: number[]) {
  const levels = await tx.select({ id: severities.id, name: severities.name, rank: severities.rank }).from(severities).orderBy(asc(severities.rank));
  const chosen = decision.rule.severityId ? levels.find((level) => level.id === decision.rule.severityId) : undefined;
  if (chosen) return chosen;
  const index = decision.tier === "critical" ? (serviceTiers.length ? Math.min(...serviceTiers) - 1 : 1) : levels.length - 1;
  const level = levels[Math.min(Math.max(index, 0), levels.length - 1)];
  if (!level) throw new Error("no severities defined; migrations not applied?");
  return level;
}

export async function routeFiring(tx: Tx, source: RoutingSource, alert: JoiningAlert, decision: Decision, now: Date): Promise<Routed> {
  if (decision.tier === "info") return { incidentId: null, opened: false, paged: 0 };
  const found = await groupIncident(tx, alert.id, decision, now);
  const affected = await catalogServices(tx, decision.rule, alert.labels);
  const incidentId = found ?? (await openIncident(tx, source, alert, decision, affected, now));
  const incident = await attachToIncident(tx, incidentId, alert, source, now, !found);
  let paged = 0;
  if (decision.tier === "critical") {
    const [severity] = await tx.select({ name: severities.name }).from(severities).where(eq(severities.id, incident.severityId));
    paged = await pageOwners(
      tx,
      { incidentId, reference: reference(incident), title: incident.title, severity: severity?.name ?? "", serviceIds: affected.map((s) => s.id), alertTitle: alert.title, source: source.name },
      now,
    );
  }
  return { incidentId, opened: !found, paged };
}

async function openIncident(tx: Tx, source: RoutingSource, alert: JoiningAlert, decision: Decision, affected: { id: string; tier: number }[], now: Date): Promise<string> {
  const severity = await chooseSeverity(
    tx,
    decision,
    affected.map((s) => s.tier),
  );
  const why = decision.tier === "critical" ? "declared by a critical alert" : "opened for triage by a warning alert";
  const declared = await declareIncident({
    ctx: alertsContext(tx, now),
    input: {
      title: alert.title.slice(0, 200),
      summary: `${why[0]?.toUpperCase()}${why.slice(1)} from ${source.name} (rule: ${decision.rule.name}).`,
      severityId: severity.id,
      kind: "incident",
      isPrivate: false,
      serviceIds: affected.map((s) => s.id),
      // The alert's start is when the impact began, as far as anyone knows yet.
      impactStartedAt: alert.startedAt <= now ? alert.startedAt : undefined,
    },
    withoutCommander: true,
  });
  return declared.id;
}
