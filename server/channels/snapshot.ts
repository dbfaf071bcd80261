// The incident as a message shows it: read once per incident per dispatch pass, at dispatch time (so a
// message sent a moment after the change shows the incident as it is then).
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { readTogether } from "@/db/read-together";
import { incidentEvents, incidentParticipants, incidentRoleAssignments, incidentRoleTypes, incidents, incidentServices, services, severities, teamMembers, users } from "@/db/schema";
import type { IncidentSnapshot } from "@/lib/outgoing-events";
import { reference } from "@/server/incidents/access";
import { appUrl } from "@/server/reminders/dates";

/** teamIds: the teams owning its services; participantTeamIds (private incidents only): the teams of the people on it. */
export type SnapshotWithFilters = { snapshot: IncidentSnapshot; severityRank: number; serviceIds: string[]; teamIds: string[]; participantTeamIds: string[] };

export async function incidentSnapshot(db: DbOrTx, incidentId: string): Promise<SnapshotWithFilters | null> {
  const [row] = await db
    .select({ incident: incidents, severity: severities.name, rank: severities.rank })
    .from(incidents)
    .innerJoin(severities, eq(severities.id, incidents.severityId))
    .where(eq(incidents.id, incidentId));
  if (!row) return null;
  const { incident } = row;
  // Dispatch reads inside its transaction: one connection (db/read-together.ts).
  const [commander, linked, latest, participantTeams] = await readTogether(db, [
    () =>
      db
        .select({ id: users.id, name: users.name })
        .from(incidentRoleAssignments)
        .innerJoin(incidentRoleTypes, eq(incidentRoleTypes.id, incidentRoleAssignments.roleTypeId))
        .innerJoin(users, eq(users.id, incidentRoleAssignments.userId))
        .where(and(eq(incidentRoleAssignments.incidentId, incidentId), eq(incidentRoleTypes.key, "commander"), isNull(incidentRoleAssignments.releasedAt))),
    () =>
      db
        .select({ id: services.id, name: services.name, teamId: services.ownerTeamId })
        .from(incidentServices)
        .innerJoin(services, eq(services.id, incidentServices.serviceId))
        .where(eq(incidentServices.incidentId, incidentId)),
    () =>
      db
        .select({ body: incidentEvents.body, occurredAt: incidentEvents.occurredAt })
        .from(incidentEvents)
        .where(and(eq(incidentEvents.incidentId, incidentId), inArray(incidentEvents.kind, ["status_update.posted"])))
        .orderBy(desc(incidentEvents.seq))
        .limit(1),
    () =>
      incident.isPrivate
        ? db
            .selectDistinct({ teamId: teamMembers.teamId })
            .from(incidentParticipants)
            .innerJoin(teamMembers, eq(teamMembers.userId, incidentParticipants.userId))
            .where(eq(incidentParticipants.incidentId, incidentId))
        : Promise.resolve([]),
  ]);
  return {
    snapshot: {
      id: incident.id,
      reference: reference(incident),
      title: incident.title,
      severity: row.severity,
      status: incident.status,
      kind: incident.kind,
      isPrivate: incident.isPrivate,
      commander: commander[0] ?? null,
      services: linked.map((s) => s.name).sort(),
      latestUpdate: latest[0] ? { body: latest[0].body ?? "", postedAt: latest[0].occurredAt.toISOString() } : null,
      url: appUrl(`/incidents/${incident.id}`),
    },
    severityRank: row.rank,
    serviceIds: linked.map((s) => s.id),
    teamIds: linked.flatMap((s) => (s.teamId ? [s.teamId] : [])),
    participantTeamIds: participantTeams.map((row) => row.teamId),
  };
}
