import { and, asc, eq, gt } from "drizzle-orm";
import { incidentViewers, users } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { loadVisibleIncident } from "./access";
import { notifyIncident } from "./events";

const PRESENCE_WINDOW_MS = 30_000;

/** Called by an open incident page every few seconds; tells other viewers when someone arrives. */
export async function pingPresence({ ctx, input }: { ctx: ServiceContext; input: { incidentId: string } }) {
  const now = ctx.now?.() ?? new Date();
  await ctx.db.transaction(async (tx) => {
    const incident = await loadVisibleIncident(tx, ctx.actor, input.incidentId);
    const [previous] = await tx
      .select({ seenAt: incidentViewers.seenAt })
      .from(incidentViewers)
      .where(and(eq(incidentViewers.incidentId, incident.id), eq(incidentViewers.userId, ctx.actor.id)));
    await tx
      .insert(incidentViewers)
      .values({ incidentId: incident.id, userId: ctx.actor.id, seenAt: now })
      .onConflictDoUpdate({ target: [incidentViewers.incidentId, incidentViewers.userId], set: { seenAt: now } });
    const isArrival = !previous || now.getTime() - previous.seenAt.getTime() > PRESENCE_WINDOW_MS;
    if (isArrival) await notifyIncident(tx, { incidentId: incident.id, seq: incident.lastEventSeq, isPrivate: incident.isPrivate });
  });
}

export async function listViewers({ ctx, input }: { ctx: ServiceContext; input: { incidentId: string } }) {
  const now = ctx.now?.() ?? new Date();
  const incident = await loadVisibleIncident(ctx.db, ctx.actor, input.incidentId);
  return ctx.db
    .select({ id: users.id, name: users.name })
    .from(incidentViewers)
    .innerJoin(users, eq(users.id, incidentViewers.userId))
    .where(and(eq(incidentViewers.incidentId, incident.id), gt(incidentViewers.seenAt, new Date(now.getTime() - PRESENCE_WINDOW_MS))))
    .orderBy(asc(users.name));
}
