import { and, asc, eq } from "drizzle-orm";
import { incidents, postMortemReviews, users } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { reference } from "@/server/incidents/access";
import { loadVisiblePostMortem } from "./access";
import { dismissedFlagKeys } from "./blame-flags";

export async function getPostMortem({ ctx, input }: { ctx: ServiceContext; input: { postMortemId: string } }) {
  const { postMortem, canEdit } = await loadVisiblePostMortem(ctx.db, ctx.actor, input.postMortemId);
  const [[incident], [owner], [publisher], reviews, dismissed, people] = await Promise.all([
    ctx.db.select().from(incidents).where(eq(incidents.id, postMortem.incidentId)),
    ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, postMortem.ownerId)),
    postMortem.publishedById ? ctx.db.select({ name: users.name }).from(users).where(eq(users.id, postMortem.publishedById)) : Promise.resolve([]),
    ctx.db
      .select({ review: postMortemReviews, name: users.name })
      .from(postMortemReviews)
      .innerJoin(users, eq(users.id, postMortemReviews.reviewerId))
      .where(and(eq(postMortemReviews.postMortemId, postMortem.id), eq(postMortemReviews.revision, postMortem.revision)))
      .orderBy(asc(users.name)),
    dismissedFlagKeys(ctx.db, postMortem),
    ctx.db.select({ name: users.name }).from(users),
  ]);
  if (!incident || !owner) throw new Error("post-mortem references missing rows");
  return {
    id: postMortem.id,
    status: postMortem.status,
    revision: postMortem.revision,
    incident: { id: incident.id, reference: reference(incident), title: incident.title, isPrivate: incident.isPrivate },
    owner,
    sections: postMortem.sections,
    canEdit,
    canAct: can(ctx.actor, "post_mortem.write"),
    updatedAt: postMortem.updatedAt,
    reviewDueAt: postMortem.reviewDueAt,
    published: postMortem.publishedAt && publisher ? { at: postMortem.publishedAt, by: publisher.name } : null,
    dismissedFlagKeys: dismissed,
    personNames: people.map((p) => p.name),
    reviews: reviews.map(({ review, name }) => ({ reviewer: { id: review.reviewerId, name }, decision: review.decision, comment: review.comment, decidedAt: review.decidedAt })),
  };
}
