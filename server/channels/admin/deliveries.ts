import { desc, eq, inArray } from "drizzle-orm";
import { notificationAttempts, notificationDeliveries } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { loadChannel } from "./present";

const LOG_SIZE = 50;

/** The channel's delivery log: its latest 50 deliveries, each with every attempt, newest first. */
export async function listChannelDeliveries({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can see delivery logs.");
  await loadChannel(ctx.db, input.id);
  const deliveries = await ctx.db
    .select()
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.channelId, input.id))
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(LOG_SIZE);
  const ids = deliveries.map((delivery) => delivery.id);
  const attempts =
    ids.length === 0
      ? []
      : await ctx.db.select().from(notificationAttempts).where(inArray(notificationAttempts.deliveryId, ids)).orderBy(desc(notificationAttempts.attemptedAt), desc(notificationAttempts.id));
  return deliveries.map((delivery) => ({
    id: delivery.id,
    type: delivery.type,
    status: delivery.status,
    attempts: delivery.attempts,
    createdAt: delivery.createdAt,
    deliveredAt: delivery.deliveredAt,
    nextAttemptAt: delivery.nextAttemptAt,
    attemptLog: attempts
      .filter((attempt) => attempt.deliveryId === delivery.id)
      .map((attempt) => ({ attemptedAt: attempt.attemptedAt, statusCode: attempt.statusCode, durationMs: attempt.durationMs, response: attempt.response.slice(0, 1024), error: attempt.error })),
  }));
}
