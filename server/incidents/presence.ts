// "Here now": who has an incident open. Presence rides on the live stream (server/live/hub.ts): a
// process marks a person present when their first stream on the incident opens and gone when their
// last one closes, and refreshes its open streams' rows in one write per heartbeat, not one per page.
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { incidentViewers, users } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { INCIDENT_CHANNEL, type IncidentNotification } from "@/server/live/notification";
import { loadVisibleIncident } from "./access";

/** Rows older than this belong to a process that stopped without saying goodbye. */
export const PRESENCE_WINDOW_MS = 60_000;

const notifyPresence = (db: DbOrTx, incidentId: string) => {
  // Only "look again": the hub reads the viewers once and tells those who may see the incident.
  const payload: IncidentNotification = { incidentId, toSeq: 0, isPrivate: true, changesState: false, presence: true };
  return db.execute(sql`select pg_notify(${INCIDENT_CHANNEL}, ${JSON.stringify(payload)})`);
};

export async function markPresent(db: DbOrTx, incidentId: string, userIds: string[], now = new Date(), announce = true): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insert(incidentViewers)
    .values(userIds.map((userId) => ({ incidentId, userId, seenAt: now })))
    .onConflictDoUpdate({ target: [incidentViewers.incidentId, incidentViewers.userId], set: { seenAt: now } });
  if (announce) await notifyPresence(db, incidentId);
}

export async function markGone(db: DbOrTx, incidentId: string, userId: string): Promise<void> {
  await db.delete(incidentViewers).where(and(eq(incidentViewers.incidentId, incidentId), eq(incidentViewers.userId, userId)));
  await notifyPresence(db, incidentId);
}

export function readViewers(db: DbOrTx, incidentId: string, now = new Date()) {
  return db
    .select({ id: users.id, name: users.name })
    .from(incidentViewers)
    .innerJoin(users, eq(users.id, incidentViewers.userId))
    .where(and(eq(incidentViewers.incidentId, incidentId), gt(incidentViewers.seenAt, new Date(now.getTime() - PRESENCE_WINDOW_MS))))
    .orderBy(asc(users.name));
}

export async function listViewers({ ctx, input }: { ctx: ServiceContext; input: { incidentId: string } }) {
  const incident = await loadVisibleIncident(ctx.db, ctx.actor, input.incidentId);
  return readViewers(ctx.db, incident.id, ctx.now?.() ?? new Date());
}
