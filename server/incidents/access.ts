import { and, eq, exists, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { incidentParticipants, incidents, type Incident } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { Actor } from "@/server/context";
import { DomainError, notFound } from "@/server/errors";

/** Rows this actor may see: every public incident; private ones only for admins and participants. */
export function visibleTo(actor: Actor): SQL | undefined {
  if (can(actor, "incident.read", { isPrivate: true, isParticipant: false })) return undefined;
  return or(
    eq(incidents.isPrivate, false),
    exists(sql`(select 1 from ${incidentParticipants} where ${incidentParticipants.incidentId} = ${incidents.id} and ${incidentParticipants.userId} = ${actor.id})`),
  );
}

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

/** Hides another entity behind its incident's visibility: its "not found" becomes `what` not found. */
export async function assertIncidentVisible(db: DbOrTx, actor: Actor, incidentId: string, what: string): Promise<void> {
  try {
    await loadVisibleIncident(db, actor, incidentId);
  } catch (error) {
    throw error instanceof DomainError && error.kind === "not_found" ? notFound(what) : error;
  }
}

export const reference = (incident: Pick<Incident, "number">) => `INC-${incident.number}`;
