import { eq } from "drizzle-orm";
import type { z } from "zod";
import { actionItems } from "@/db/schema";
import { actionItemStatusLabels } from "@/lib/action-items";
import { recordAudit } from "@/server/audit/record";
import type { ServiceContext } from "@/server/context";
import { forbidden, invalid } from "@/server/errors";
import { mutateIncident } from "@/server/incidents/mutate";
import { loadVisibleActionItem } from "./access";
import type { setActionItemStatusInput } from "./schemas";

/** Moves an item between open, in progress, done (who and when) and won't do (with a reason). */
export async function setActionItemStatus({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof setActionItemStatusInput> }) {
  const { item, canEdit } = await loadVisibleActionItem(ctx.db, ctx.actor, input.actionItemId);
  if (!canEdit) throw forbidden("Only the owner and responders can change this action item.");
  if (input.status === "wont_do" && !input.reason) throw invalid("Say why this will not be done.", "reason");
  const apply = async (tx: Parameters<Parameters<typeof ctx.db.transaction>[0]>[0], now: Date) => {
    await tx
      .update(actionItems)
      .set({
        status: input.status,
        wontDoReason: input.status === "wont_do" ? (input.reason ?? null) : null,
        doneAt: input.status === "done" ? now : null,
        doneById: input.status === "done" ? ctx.actor.id : null,
        updatedAt: now,
      })
      .where(eq(actionItems.id, item.id));
  };
  const data = { actionItemId: item.id, title: item.title, from: item.status, to: input.status, reason: input.reason ?? null };
  if (!item.incidentId) {
    await ctx.db.transaction(async (tx) => {
      await apply(tx, ctx.now?.() ?? new Date());
      await recordAudit(tx, {
        actorId: ctx.actor.id,
        action: "action_item.status_changed",
        entityType: "action_item",
        entityId: item.id,
        before: { status: item.status },
        after: { status: input.status, reason: input.reason ?? null },
        requestId: ctx.requestId,
      });
    });
    return;
  }
  await mutateIncident(ctx, { incidentId: item.incidentId, expectedVersion: null, mayWrite: canEdit }, async (tx, _incident, now) => {
    await apply(tx, now);
    return {
      changesState: false,
      events: [{ kind: "action_item.status_changed", data: { ...data, label: actionItemStatusLabels[input.status] } }],
      audit: { action: "action_item.status_changed", before: { actionItemId: item.id, status: item.status }, after: { status: input.status, reason: input.reason ?? null } },
    };
  });
}
