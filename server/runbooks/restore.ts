import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { runbookRevisions, runbookServices } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, notFound } from "@/server/errors";
import { loadRunbook } from "./load";
import { saveRevision } from "./save";
import type { restoreRunbookInput } from "./schemas";

/**
 * Brings back an old revision's title, summary and body as a NEW revision (history is never rewritten).
 * Links, matchers and the review interval are not versioned, so they stay as they are now.
 */
export async function restoreRunbook({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof restoreRunbookInput> }) {
  if (!can(ctx.actor, "runbook.write")) throw forbidden("Viewers can read runbooks but not write them.");
  return ctx.db.transaction(async (tx) => {
    const current = await loadRunbook(tx, input.id);
    const [old] = await tx
      .select()
      .from(runbookRevisions)
      .where(and(eq(runbookRevisions.runbookId, current.id), eq(runbookRevisions.number, input.number)));
    if (!old) throw notFound(`Revision ${input.number}`);
    const linked = await tx.select({ id: runbookServices.serviceId }).from(runbookServices).where(eq(runbookServices.runbookId, current.id));
    return saveRevision(
      tx,
      ctx,
      { id: current.id, baseRevision: input.baseRevision },
      {
        fields: {
          title: old.title,
          summary: old.summary,
          body: old.body,
          ownerTeamId: current.ownerTeamId,
          serviceIds: linked.map((s) => s.id),
          incidentKinds: current.incidentKinds,
          severityIds: current.severityIds,
          alertMatchers: current.alertMatchers,
          reviewIntervalDays: current.reviewIntervalDays,
        },
        note: `Restored revision ${old.number}`,
        restoredFrom: old.number,
        audit: "runbook.restored",
      },
    );
  });
}
