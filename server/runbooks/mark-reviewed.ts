import { eq } from "drizzle-orm";
import type { z } from "zod";
import { runbooks } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { loadRunbook } from "./load";
import type { runbookIdInput } from "./schemas";

/** "I read it and it is still right": restarts the review interval and clears earlier unhelpful votes. */
export async function markReviewed({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof runbookIdInput> }) {
  if (!can(ctx.actor, "runbook.write")) throw forbidden("Viewers can read runbooks but not review them.");
  const now = ctx.now?.() ?? new Date();
  return ctx.db.transaction(async (tx) => {
    const runbook = await loadRunbook(tx, input.id, { lock: true });
    await tx.update(runbooks).set({ lastReviewedAt: now, lastReviewedById: ctx.actor.id }).where(eq(runbooks.id, runbook.id));
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "runbook.reviewed",
      entityType: "runbook",
      entityId: runbook.id,
      before: { lastReviewedAt: runbook.lastReviewedAt },
      after: { lastReviewedAt: now, revision: runbook.revision },
      requestId: ctx.requestId,
    });
    return { reviewedAt: now };
  });
}
