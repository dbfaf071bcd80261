import { eq } from "drizzle-orm";
import { notificationDeliveries } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, notFound } from "@/server/errors";
import { redeliver } from "../enqueue";
import { loadChannel } from "./present";

/**
 * Queues a delivery again, due now, with the same webhook-id, so receivers that saw it already can
 * skip it; the delivery worker sends it within seconds and the log shows the new attempt.
 */
export async function redeliverDelivery({ ctx, input }: { ctx: ServiceContext; input: { deliveryId: string } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can redeliver notifications.");
  const [delivery] = await ctx.db
    .select({ id: notificationDeliveries.id, channelId: notificationDeliveries.channelId })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.id, input.deliveryId));
  if (!delivery) throw notFound("That delivery");
  await loadChannel(ctx.db, delivery.channelId);
  const deliveryId = await redeliver(ctx.db, delivery.id, ctx.now?.() ?? new Date());
  if (!deliveryId) throw notFound("That delivery");
  await recordAudit(ctx.db, {
    actorId: ctx.actor.id,
    action: "notification_channel.redelivered",
    entityType: "notification_channel",
    entityId: delivery.channelId,
    after: { deliveryId: delivery.id },
    requestId: ctx.requestId,
  });
  return { deliveryId };
}
