import { eq } from "drizzle-orm";
import type { z } from "zod";
import { notificationChannels } from "@/db/schema";
import { seal } from "@/server/crypto/secret-box";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, invalid } from "@/server/errors";
import { assertFilters, auditedChannel, lastDeliveries, loadChannel, presentChannel, targetHintOf } from "./present";
import { targetProblem, type updateChannelInput } from "./schemas";

/** Changes a channel's settings; a new `target` replaces the URL or address (the secret stays). */
export async function updateChannel({ ctx, input }: { ctx: ServiceContext; input: z.output<typeof updateChannelInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can change notification channels.");
  const { id, target, ...settings } = input;
  return ctx.db.transaction(async (tx) => {
    const before = await loadChannel(tx, id, { isLocked: true });
    if (target !== undefined) {
      const problem = targetProblem(before.kind, target);
      if (problem) throw invalid(problem, "target");
    }
    await assertFilters(tx, settings);
    const [after] = await tx
      .update(notificationChannels)
      .set({
        ...settings,
        ...(settings.serviceIds ? { serviceIds: [...new Set(settings.serviceIds)] } : {}),
        ...(settings.teamIds ? { teamIds: [...new Set(settings.teamIds)] } : {}),
        ...(target !== undefined ? { targetSealed: seal(target), targetHint: targetHintOf(target) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(notificationChannels.id, id))
      .returning();
    if (!after) throw new Error("update returned no row");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "notification_channel.updated",
      entityType: "notification_channel",
      entityId: id,
      before: auditedChannel(before),
      after: { ...auditedChannel(after), isTargetReplaced: target !== undefined },
      requestId: ctx.requestId,
    });
    return presentChannel(after, (await lastDeliveries(tx, [id])).get(id) ?? null);
  });
}
