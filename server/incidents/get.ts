import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { preparedPerDb } from "@/db/prepared-per-db";
import { incidentParticipants, incidentRoleAssignments, incidentRoleTypes, incidents, incidentServices, services, severities, users, type Incident } from "@/db/schema";
import { incidentMetrics } from "@/lib/incident-metrics";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { loadVisibleIncident, reference } from "./access";
import type { IncidentOutput } from "./outputs";

export async function getIncident({ ctx, input }: { ctx: ServiceContext; input: { incidentId: string } }): Promise<IncidentOutput> {
  const incident = await loadVisibleIncident(ctx.db, ctx.actor, input.incidentId);
  return { ...(await loadIncidentDetails(ctx.db, incident)), canWrite: can(ctx.actor, "incident.write") };
}

// The incident page's details, read on every get and every live update: prepared once per database
// (as the list's details are, list-details.ts), so no query is built per request and PostgreSQL plans
// each once per connection.
const preparedFor = preparedPerDb((db) => {
  const incidentId = sql.placeholder("incidentId");
  return {
    severity: db
      .select()
      .from(severities)
      .where(eq(severities.id, sql.placeholder("severityId")))
      .prepare("incident_get_severity"),
    declaredBy: db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.id, sql.placeholder("userId")))
      .prepare("incident_get_declared_by"),
    services: db
      .select({ id: services.id, name: services.name, tier: services.tier })
      .from(incidentServices)
      .innerJoin(services, eq(services.id, incidentServices.serviceId))
      .where(eq(incidentServices.incidentId, incidentId))
      .orderBy(asc(services.name))
      .prepare("incident_get_services"),
    roleTypes: db.select().from(incidentRoleTypes).orderBy(asc(incidentRoleTypes.sortOrder), asc(incidentRoleTypes.name)).prepare("incident_get_role_types"),
    assignments: db
      .select({ roleTypeId: incidentRoleAssignments.roleTypeId, userId: users.id, name: users.name, from: incidentRoleAssignments.assignedAt, until: incidentRoleAssignments.releasedAt })
      .from(incidentRoleAssignments)
      .innerJoin(users, eq(users.id, incidentRoleAssignments.userId))
      .where(eq(incidentRoleAssignments.incidentId, incidentId))
      .orderBy(asc(incidentRoleAssignments.assignedAt))
      .prepare("incident_get_assignments"),
    participants: db
      .select({ id: users.id, name: users.name })
      .from(incidentParticipants)
      .innerJoin(users, eq(users.id, incidentParticipants.userId))
      .where(eq(incidentParticipants.incidentId, incidentId))
      .orderBy(asc(users.name))
      .prepare("incident_get_participants"),
  };
});

/** Everything the incident page shows of an incident the caller may already see; the same for every viewer. */
export async function loadIncidentDetails(db: DbOrTx, incident: Incident): Promise<Omit<IncidentOutput, "canWrite">> {
  const prepared = preparedFor(db);
  const byIncident = { incidentId: incident.id };
  const [[severity], [declaredBy], serviceRows, roleTypes, assignments, participants, mergedInto] = await Promise.all([
    prepared.severity.execute({ severityId: incident.severityId }),
    prepared.declaredBy.execute({ userId: incident.declaredById }),
    prepared.services.execute(byIncident),
    prepared.roleTypes.execute(),
    prepared.assignments.execute(byIncident),
    prepared.participants.execute(byIncident),
    incident.mergedIntoId ? db.select({ id: incidents.id, number: incidents.number }).from(incidents).where(eq(incidents.id, incident.mergedIntoId)) : Promise.resolve([]),
  ]);
  if (!severity || !declaredBy) throw new Error(`incident ${incident.id} references missing rows`);
  const roleName = new Map(roleTypes.map((role) => [role.id, role.name]));

  return {
    id: incident.id,
    reference: reference(incident),
    number: incident.number,
    title: incident.title,
    summary: incident.summary,
    status: incident.status,
    kind: incident.kind,
    isPrivate: incident.isPrivate,
    severity: { id: severity.id, name: severity.name, rank: severity.rank, description: severity.description },
    customerImpact: incident.customerImpact,
    links: incident.links,
    closingReason: incident.closingReason,
    mergedInto: mergedInto[0] ? { id: mergedInto[0].id, reference: reference(mergedInto[0]) } : null,
    milestones: {
      impactStartedAt: incident.impactStartedAt,
      detectedAt: incident.detectedAt,
      declaredAt: incident.declaredAt,
      acknowledgedAt: incident.acknowledgedAt,
      mitigatedAt: incident.mitigatedAt,
      resolvedAt: incident.resolvedAt,
      closedAt: incident.closedAt,
    },
    metrics: incidentMetrics(incident),
    version: incident.version,
    lastEventSeq: incident.lastEventSeq,
    declaredBy,
    services: serviceRows,
    roles: roleTypes.map((role) => {
      const current = assignments.find((a) => a.roleTypeId === role.id && a.until === null);
      return { key: role.key, name: role.name, guide: role.guide, holder: current ? { id: current.userId, name: current.name } : null, since: current?.from ?? null };
    }),
    roleHistory: assignments.map((a) => ({ role: roleName.get(a.roleTypeId) ?? "Role", holder: { id: a.userId, name: a.name }, from: a.from, until: a.until })),
    participants,
  };
}
