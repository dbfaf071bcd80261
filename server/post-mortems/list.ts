import { and, desc, eq } from "drizzle-orm";
import { incidents, postMortems, users } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { loadVisibleIncident, reference, visibleTo } from "@/server/incidents/access";

/** Post-mortems of the incidents this person may see, most recently edited first. */
export async function listPostMortems({ ctx }: { ctx: ServiceContext }) {
  const rows = await ctx.db
    .select({ postMortem: postMortems, incident: incidents, ownerName: users.name })
    .from(postMortems)
    .innerJoin(incidents, eq(incidents.id, postMortems.incidentId))
    .innerJoin(users, eq(users.id, postMortems.ownerId))
    .where(and(visibleTo(ctx.actor)))
    .orderBy(desc(postMortems.updatedAt))
    .limit(200);
  return rows.map(({ postMortem, incident, ownerName }) => ({
    id: postMortem.id,
    status: postMortem.status,
    revision: postMortem.revision,
    incident: { id: incident.id, reference: reference(incident), title: incident.title, isPrivate: incident.isPrivate },
    owner: { id: postMortem.ownerId, name: ownerName },
    updatedAt: postMortem.updatedAt,
    reviewDueAt: postMortem.reviewDueAt,
  }));
}

/** The post-mortem of one incident, if started (for the incident page's button). */
export async function findPostMortemForIncident({ ctx, input }: { ctx: ServiceContext; input: { incidentId: string } }) {
  await loadVisibleIncident(ctx.db, ctx.actor, input.incidentId);
  const [row] = await ctx.db.select({ id: postMortems.id }).from(postMortems).where(eq(postMortems.incidentId, input.incidentId));
  return row ?? null;
}
