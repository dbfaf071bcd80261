import { and, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { incidentParticipants, incidents, postMortemReviews, users, type UserRole } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { conflict, forbidden, invalid } from "@/server/errors";
import type { decideReviewInput, requestReviewInput } from "./schemas";
import { transitionPostMortem } from "./transition";
import { can } from "@/server/auth/can";

/** draft → in review, with named reviewers and an optional due date. */
export async function requestReview({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof requestReviewInput> }) {
  return transitionPostMortem(ctx, input.postMortemId, async (tx, postMortem, now) => {
    if (postMortem.status !== "draft") throw conflict("Only a draft can be sent for review.");
    if (input.dueAt && input.dueAt <= now) throw invalid("The review due date must be in the future.", "dueAt");
    const reviewers = await tx
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(inArray(users.id, input.reviewerIds), isNull(users.deactivatedAt)));
    if (reviewers.length !== new Set(input.reviewerIds).size) throw invalid("One of the reviewers is not an active user.", "reviewerIds");
    const viewer = reviewers.find((r) => !can(r, "post_mortem.write"));
    if (viewer) throw invalid(`${viewer.name} is a viewer and cannot review. Choose responders or admins.`, "reviewerIds");
    const blind = await firstWhoCannotSee(tx, postMortem.incidentId, reviewers);
    if (blind) throw invalid(`${blind.name} does not take part in this private incident, so cannot read its post-mortem. Add them to the incident first.`, "reviewerIds");
    // Re-requesting after "changes requested" starts this revision's review over.
    await tx.delete(postMortemReviews).where(and(eq(postMortemReviews.postMortemId, postMortem.id), eq(postMortemReviews.revision, postMortem.revision)));
    await tx.insert(postMortemReviews).values(reviewers.map((r) => ({ postMortemId: postMortem.id, revision: postMortem.revision, reviewerId: r.id, requestedAt: now })));
    return {
      set: { status: "in_review", reviewDueAt: input.dueAt ?? null },
      event: { kind: "post_mortem.review_requested", data: { postMortemId: postMortem.id, reviewers: reviewers.map((r) => r.name), dueAt: input.dueAt?.toISOString() ?? null } },
      audit: { action: "post_mortem.review_requested", after: { reviewerIds: reviewers.map((r) => r.id) } },
    };
  });
}

/** Naming a reviewer does not open a private incident to them: they must already be able to read it. */
async function firstWhoCannotSee<T extends { id: string; role: UserRole }>(tx: Tx, incidentId: string, people: T[]): Promise<T | undefined> {
  const [incident] = await tx.select({ isPrivate: incidents.isPrivate }).from(incidents).where(eq(incidents.id, incidentId));
  if (!incident?.isPrivate) return undefined;
  const taking = await tx
    .select({ userId: incidentParticipants.userId })
    .from(incidentParticipants)
    .where(
      and(
        eq(incidentParticipants.incidentId, incidentId),
        inArray(
          incidentParticipants.userId,
          people.map((p) => p.id),
        ),
      ),
    );
  const participantIds = new Set(taking.map((row) => row.userId));
  return people.find((person) => !can(person, "incident.read", { isPrivate: true, isParticipant: participantIds.has(person.id) }));
}

/** A reviewer approves, or asks for changes with a comment (which sends it back to draft). */
export async function decideReview({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof decideReviewInput> }) {
  return transitionPostMortem(ctx, input.postMortemId, async (tx, postMortem, now) => {
    if (postMortem.status !== "in_review") throw conflict("This post-mortem is not in review.");
    const [review] = await tx
      .select()
      .from(postMortemReviews)
      .where(and(eq(postMortemReviews.postMortemId, postMortem.id), eq(postMortemReviews.revision, postMortem.revision), eq(postMortemReviews.reviewerId, ctx.actor.id)));
    if (!review) throw forbidden("Only the assigned reviewers can approve or ask for changes.");
    if (input.decision === "changes_requested" && !input.comment) throw invalid("Say what should change.", "comment");
    await tx
      .update(postMortemReviews)
      .set({ decision: input.decision, comment: input.comment ?? null, decidedAt: now })
      .where(and(eq(postMortemReviews.postMortemId, postMortem.id), eq(postMortemReviews.revision, postMortem.revision), eq(postMortemReviews.reviewerId, ctx.actor.id)));
    return {
      set: input.decision === "changes_requested" ? { status: "draft" } : {},
      event: { kind: "post_mortem.reviewed", data: { postMortemId: postMortem.id, reviewer: ctx.actor.name, decision: input.decision }, body: input.comment ?? null },
      audit: { action: `post_mortem.${input.decision}` as const, after: { comment: input.comment ?? null } },
    };
  });
}
