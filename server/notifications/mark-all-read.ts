import { and, eq, isNull } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { ServiceContext } from "@/server/context";

/** Marks every unread notification of the actor read; returns how many changed. */
export async function markAllNotificationsRead({ ctx }: { ctx: ServiceContext }): Promise<{ marked: number }> {
  const now = ctx.now?.() ?? new Date();
  const updated = await ctx.db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, ctx.actor.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: updated.length };
}
