import { and, eq, ne } from "drizzle-orm";
import { postMortemReviews } from "@/db/schema";
import { closeCollabDocument } from "@/server/collab/registry";
import type { ServiceContext } from "@/server/context";
import { conflict } from "@/server/errors";
import { openBlameFlags } from "./blame-flags";
import { transitionPostMortem } from "./transition";

/** in review → published, once every reviewer of this revision approved. The document becomes read-only. */
export async function publishPostMortem({ ctx, input }: { ctx: ServiceContext; input: { postMortemId: string } }) {
  const published = await transitionPostMortem(ctx, input.postMortemId, async (tx, postMortem, now) => {
    if (postMortem.status !== "in_review") throw conflict("Send the post-mortem for review before publishing it.");
    const waiting = await tx
      .select({ reviewerId: postMortemReviews.reviewerId })
      .from(postMortemReviews)
      .where(and(eq(postMortemReviews.postMortemId, postMortem.id), eq(postMortemReviews.revision, postMortem.revision), ne(postMortemReviews.decision, "approved")));
    if (waiting.length > 0) throw conflict(`Waiting for ${waiting.length} reviewer${waiting.length === 1 ? "" : "s"} to approve.`);
    const flags = await openBlameFlags(tx, postMortem);
    if (flags.length > 0) {
      const first = flags[0]!;
      throw conflict(`${flags.length} blaming phrase${flags.length === 1 ? "" : "s"} still open (first: "${first.excerpt}"). Reword or dismiss each with a reason, then publish.`);
    }
    return {
      set: { status: "published", publishedAt: now, publishedById: ctx.actor.id },
      event: { kind: "post_mortem.published", data: { postMortemId: postMortem.id, revision: postMortem.revision } },
      audit: { action: "post_mortem.published", after: { revision: postMortem.revision } },
    };
  });
  // Open editors reconnect and come back read-only.
  closeCollabDocument(input.postMortemId);
  return published;
}

/** published → draft as a new revision; the published text stays the starting point. */
export async function reopenPostMortem({ ctx, input }: { ctx: ServiceContext; input: { postMortemId: string } }) {
  const reopened = await transitionPostMortem(ctx, input.postMortemId, async (_tx, postMortem) => {
    if (postMortem.status !== "published") throw conflict("Only a published post-mortem can be reopened.");
    return {
      set: { status: "draft", revision: postMortem.revision + 1, reviewDueAt: null },
      event: { kind: "post_mortem.reopened", data: { postMortemId: postMortem.id, revision: postMortem.revision + 1 } },
      audit: { action: "post_mortem.reopened", before: { revision: postMortem.revision }, after: { revision: postMortem.revision + 1 } },
    };
  });
  closeCollabDocument(input.postMortemId);
  return reopened;
}
