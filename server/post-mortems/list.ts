import { and, desc, eq } from "drizzle-orm";
import { incidents, postMortems, users } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { loadVisibleIncident, reference, visibleTo } from "@/server/incidents/access";

/** Post-mortems of the incidents this person may see, most recently edited first. */
export async function listPostMortems({ ctx }: { ctx: ServiceContext }) {
  // Named columns only: a post-mortem row also holds its whole document (Yjs state and JSON), which
  // can run to megabytes and would be read for every row of every list.
  const rows = await ctx.db
    .select({
      id: postMortems.id,
      status: postMortems.status,
      revision: postMortems.revision,
      ownerId: postMortems.ownerId,
      ownerName: users.name,
      updatedAt: postMortems.updatedAt,
      reviewDueAt: postMortems.reviewDueAt,
      incident: { id: incidents.id, number: incidents.number, title: incidents.title, isPrivate: incidents.isPrivate },
    })
    .from(postMortems)
    .innerJoin(incidents, eq(incidents.id, postMortems.incidentId))
    .innerJoin(users, eq(users.id, postMortems.ownerId))
    .where(and(visibleTo(ctx.actor)))
    .orderBy(desc(postMortems.updatedAt))
    .limit(200);
  return rows.map(({ incident, ownerId, ownerName, ...postMortem }) => ({
    ...postMortem,
    incident: { id: incident.id, reference: reference(incident), title: incident.title, isPrivate: incident.isPrivate },
    owner: { id: ownerId, name: ownerName },
  }));
}

/** The post-mortem of one incident, if started (for the incident page's button). */
export async function findPostMortemForIncident({ ctx, input }: { ctx: ServiceContext; input: { incidentId: string } }) {
  await loadVisibleIncident(ctx.db, ctx.actor, input.incidentId);
  const [row] = await ctx.db.select({ id: postMortems.id }).from(postMortems).where(eq(postMortems.incidentId, input.incidentId));
  return row ?? null;
}
