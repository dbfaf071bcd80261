// What the actor follows. A private incident they can no longer see is left out (it tells them
// nothing any more, and listing it would tell them it exists).
import { and, asc, desc, eq } from "drizzle-orm";
import { follows, incidents, services } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { reference, visibleTo } from "@/server/incidents/access";
import type { FollowingOutput } from "./schemas";

export async function listFollowing({ ctx }: { ctx: ServiceContext }): Promise<FollowingOutput> {
  const [incidentRows, serviceRows] = await Promise.all([
    ctx.db
      .select({ incident: incidents, followedAt: follows.createdAt })
      .from(follows)
      .innerJoin(incidents, eq(incidents.id, follows.incidentId))
      .where(and(eq(follows.userId, ctx.actor.id), visibleTo(ctx.actor)))
      .orderBy(desc(follows.createdAt)),
    ctx.db
      .select({ id: services.id, name: services.name, followedAt: follows.createdAt })
      .from(follows)
      .innerJoin(services, eq(services.id, follows.serviceId))
      .where(eq(follows.userId, ctx.actor.id))
      .orderBy(asc(services.name)),
  ]);
  return {
    incidents: incidentRows.map(({ incident, followedAt }) => ({ id: incident.id, reference: reference(incident), title: incident.title, status: incident.status, followedAt })),
    services: serviceRows,
  };
}
