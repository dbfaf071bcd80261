import { eq } from "drizzle-orm";
import { notificationChannels } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { lastDeliveries, loadChannel, presentChannel } from "./present";

/**
 * Enables or disables a channel. Enabling starts afresh: the reason it was disabled (by an admin, a
 * 410 Gone, three days of failures) and the failing-since clock are cleared.
 */
export async function setChannelEnabled({ ctx, input }: { ctx: ServiceContext; input: { id: string; isEnabled: boolean; reason?: string } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can enable or disable notification channels.");
  return ctx.db.transaction(async (tx) => {
    const before = await loadChannel(tx, input.id, { isLocked: true });
    const change = input.isEnabled ? { isEnabled: true, disabledReason: null, failingSince: null } : { isEnabled: false, disabledReason: input.reason?.trim() || `Disabled by ${ctx.actor.name}` };
    const [after] = await tx
      .update(notificationChannels)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(notificationChannels.id, input.id))
      .returning();
    if (!after) throw new Error("update returned no row");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: input.isEnabled ? "notification_channel.enabled" : "notification_channel.disabled",
      entityType: "notification_channel",
      entityId: input.id,
      before: { isEnabled: before.isEnabled, disabledReason: before.disabledReason },
      after: { isEnabled: after.isEnabled, disabledReason: after.disabledReason },
      requestId: ctx.requestId,
    });
    return presentChannel(after, (await lastDeliveries(tx, [input.id])).get(input.id) ?? null);
  });
}
