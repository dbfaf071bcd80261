import { desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { notifications } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import type { listNotificationsInput, NotificationOutput } from "./schemas";

/** The actor's own notifications, newest first. Nobody reads anyone else's. */
export async function listNotifications({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof listNotificationsInput> }): Promise<NotificationOutput[]> {
  return ctx.db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      href: notifications.href,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, ctx.actor.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit);
}
