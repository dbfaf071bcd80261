import { and, eq, exists, isNull, or, type Placeholder, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { preparedPerDb } from "@/db/prepared-per-db";
import { incidentParticipants, incidentServices, incidents, services, type Incident } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { Actor } from "@/server/context";
import { notFound } from "@/server/errors";

/** Rows this actor may see: every public incident; private ones only for admins and participants. */
export function visibleTo(actor: Actor): SQL | undefined {
  return visibilityRule(seesPrivate(actor), actor.id, actor.teamId ?? undefined);
}

const seesPrivate = (actor: Actor) => can(actor, "incident.read", { isPrivate: true, isParticipant: false });

// The rule with the actor's id and team as values or as placeholders (the prepared reads below).
type Value = string | Placeholder;
function visibilityRule(allPrivate: boolean, actorId: Value, teamId: Value | undefined): SQL | undefined {
  const team = teamId === undefined ? undefined : ofTeam(teamId);
  if (allPrivate) return team;
  const rule = or(
    eq(incidents.isPrivate, false),
    exists(sql`(select 1 from ${incidentParticipants} where ${incidentParticipants.incidentId} = ${incidents.id} and ${incidentParticipants.userId} = ${actorId})`),
  );
  return team ? and(rule, team) : rule;
}

const ofTeam = (teamId: Value) =>
  exists(
    sql`(select 1 from ${incidentServices} join ${services} on ${services.id} = ${incidentServices.serviceId} where ${incidentServices.incidentId} = ${incidents.id} and ${services.ownerTeamId} = ${teamId})`,
  );

// Reading one incident through the rule is the first statement of nearly every call, so its four
// shapes (private access or not × team or not) are prepared once per database, as get.ts's details are.
// Built on first use of each shape: a transaction is its own database object and uses one or two.
const visibleById = preparedPerDb((db) => {
  const shapes = new Map<string, ReturnType<typeof prepareShape>>();
  return (allPrivate: boolean, withTeam: boolean) => {
    const name = `incident_visible${allPrivate ? "_all" : "_public_or_own"}${withTeam ? "_of_team" : ""}`;
    let shape = shapes.get(name);
    if (!shape) shapes.set(name, (shape = prepareShape(db, name, allPrivate, withTeam)));
    return shape;
  };
});

const prepareShape = (db: DbOrTx, name: string, allPrivate: boolean, withTeam: boolean) =>
  db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, sql.placeholder("incidentId")), visibilityRule(allPrivate, sql.placeholder("actorId"), withTeam ? sql.placeholder("teamId") : undefined)))
    .prepare(name);

/**
 * Loads an incident the actor may see. A private incident someone may not see is "not found",
 * never "forbidden": its existence is itself private.
 */
export async function loadVisibleIncident(db: DbOrTx, actor: Actor, incidentId: string, options: { lock?: boolean } = {}): Promise<Incident> {
  const [incident] = options.lock
    ? await db
        .select()
        .from(incidents)
        .where(and(eq(incidents.id, incidentId), visibleTo(actor)))
        .for("update")
    : await readVisible(db, actor, incidentId);
  if (!incident) throw notFound("That incident");
  return incident;
}

function readVisible(db: DbOrTx, actor: Actor, incidentId: string): Promise<Incident[]> {
  const teamId = actor.teamId ?? undefined;
  return visibleById(db)(seesPrivate(actor), teamId !== undefined).execute({ incidentId, actorId: actor.id, teamId });
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
