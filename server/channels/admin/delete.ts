import { eq } from "drizzle-orm";
import { notificationChannels } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { auditedChannel, loadChannel } from "./present";

/** Soft delete: the delivery log keeps pointing at the row; nothing is sent to it any more. */
export async function deleteChannel({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can delete notification channels.");
  await ctx.db.transaction(async (tx) => {
    const before = await loadChannel(tx, input.id, { isLocked: true });
    await tx.update(notificationChannels).set({ deletedAt: new Date(), isEnabled: false, updatedAt: new Date() }).where(eq(notificationChannels.id, input.id));
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "notification_channel.deleted",
      entityType: "notification_channel",
      entityId: input.id,
      before: auditedChannel(before),
      requestId: ctx.requestId,
    });
  });
}
