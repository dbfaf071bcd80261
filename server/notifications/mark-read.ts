import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { notifications } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { notFound } from "@/server/errors";
import type { markNotificationReadInput } from "./schemas";

/** Marks one of the actor's notifications read; someone else's is "not found", never touched. */
export async function markNotificationRead({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof markNotificationReadInput> }): Promise<void> {
  const now = ctx.now?.() ?? new Date();
  const mine = and(eq(notifications.id, input.id), eq(notifications.userId, ctx.actor.id));
  // Already read keeps its first read time.
  const updated = await ctx.db
    .update(notifications)
    .set({ readAt: now })
    .where(and(mine, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (updated.length > 0) return;
  const [exists] = await ctx.db.select({ id: notifications.id }).from(notifications).where(mine);
  if (!exists) throw notFound("That notification");
}
