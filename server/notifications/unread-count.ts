import { and, eq, isNull, sql } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { ServiceContext } from "@/server/context";

/** The badge on the bell; reads the partial index on unread rows. */
export async function countUnread({ ctx }: { ctx: ServiceContext }): Promise<{ unread: number }> {
  const [row] = await ctx.db
    .select({ unread: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.actor.id), isNull(notifications.readAt)));
  return { unread: row?.unread ?? 0 };
}
