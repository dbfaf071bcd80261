import { and, eq, exists, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { incidentParticipants, incidentServices, incidents, services, type Incident } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { Actor } from "@/server/context";
import { notFound } from "@/server/errors";

/** Rows this actor may see: every public incident; private ones only for admins and participants. */
export function visibleTo(actor: Actor): SQL | undefined {
  const team = actor.teamId ? ofTeam(actor.teamId) : undefined;
  if (can(actor, "incident.read", { isPrivate: true, isParticipant: false })) return team;
  const rule = or(
    eq(incidents.isPrivate, false),
    exists(sql`(select 1 from ${incidentParticipants} where ${incidentParticipants.incidentId} = ${incidents.id} and ${incidentParticipants.userId} = ${actor.id})`),
  );
  return team ? and(rule, team) : rule;
}

const ofTeam = (teamId: string) =>
  exists(
    sql`(select 1 from ${incidentServices} join ${services} on ${services.id} = ${incidentServices.serviceId} where ${incidentServices.incidentId} = ${incidents.id} and ${services.ownerTeamId} = ${teamId})`,
  );

/**
 * Loads an incident the actor may see. A private incident someone may not see is "not found",
 * never "forbidden": its existence is itself private.
 */
export async function loadVisibleIncident(db: DbOrTx, actor: Actor, incidentId: string, options: { lock?: boolean } = {}): Promise<Incident> {
  const query = db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, incidentId), visibleTo(actor)));
  const [incident] = options.lock ? await query.for("update") : await query;
  if (!incident) throw notFound("That incident");
  return incident;
}

/**
 * For rows that live inside an incident (post-mortems, action items, runbook runs…): the row's
 * incident, if it has one, is visible to the actor. Loading such a row by id with this condition in
 * the same query makes "hidden" and "missing" the same empty result, so they cannot answer differently.
 */
export function visibleThrough(actor: Actor, incidentId: AnyPgColumn): SQL | undefined {
  const rule = visibleTo(actor);
  if (!rule) return undefined;
  return or(isNull(incidentId), exists(sql`(select 1 from ${incidents} where ${incidents.id} = ${incidentId} and ${rule})`));
}

/** An incident by its number (INC-<n>) as the actor may see it; a hidden one is as missing as one never declared. */
export async function findVisibleIncidentByNumber(db: DbOrTx, actor: Actor, number: number): Promise<Incident | undefined> {
  const [incident] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.number, number), visibleTo(actor)));
  return incident;
}

export const reference = (incident: Pick<Incident, "number">) => `INC-${incident.number}`;
