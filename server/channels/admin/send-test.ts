import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, invalid } from "@/server/errors";
import { loadChannel } from "./present";

/**
 * Sends a test message now, in this request, so the admin learns at once whether the receiver
 * answers. A refused, unreachable or failing receiver is the admin's to fix (a 400 with the reason),
 * not a server error; the attempt is in the delivery log either way, and retries as any delivery.
 */
export async function sendChannelTest({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can send test notifications.");
  const channel = await loadChannel(ctx.db, input.id);
  const { enqueueTestDelivery } = await import("../enqueue");
  const { deliverOne } = await import("../deliver");
  const deliveryId = await enqueueTestDelivery(ctx.db, channel.id);
  await recordAudit(ctx.db, {
    actorId: ctx.actor.id,
    action: "notification_channel.tested",
    entityType: "notification_channel",
    entityId: channel.id,
    after: { deliveryId },
    requestId: ctx.requestId,
  });
  const outcome = await deliverOne(ctx.db, deliveryId, {});
  if (!outcome.ok) {
    const why = outcome.error ?? (outcome.statusCode ? `${channel.targetHint} answered ${outcome.statusCode}` : "no answer");
    throw invalid(`The test was not delivered: ${why}`);
  }
  const answered = outcome.statusCode ? ` (${outcome.statusCode})` : "";
  return { deliveryId, statusCode: outcome.statusCode, message: `Test delivered to ${channel.name}${answered}. It is in the delivery log.` };
}
