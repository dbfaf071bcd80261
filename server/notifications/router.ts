import { z } from "zod";
import { protectedProcedure, router } from "@/server/trpc/init";
import { serviceContext } from "@/server/trpc/service-context";
import { listNotifications } from "./list";
import { markAllNotificationsRead } from "./mark-all-read";
import { markNotificationRead } from "./mark-read";
import { listNotificationsInput, markNotificationReadInput, notificationOutput, unreadCountOutput } from "./schemas";
import { countUnread } from "./unread-count";

// Every role has a bell; each verb only ever touches the caller's own rows.
export const notificationsRouter = router({
  list: protectedProcedure
    .input(listNotificationsInput)
    .output(z.array(notificationOutput))
    .query(({ ctx, input }) => listNotifications({ ctx: serviceContext(ctx), input })),
  unreadCount: protectedProcedure
    .input(z.object({}))
    .output(unreadCountOutput)
    .query(({ ctx }) => countUnread({ ctx: serviceContext(ctx) })),
  markRead: protectedProcedure
    .input(markNotificationReadInput)
    .output(z.void())
    .mutation(({ ctx, input }) => markNotificationRead({ ctx: serviceContext(ctx), input })),
  markAllRead: protectedProcedure
    .input(z.object({}))
    .output(z.object({ marked: z.number().int() }))
    .mutation(({ ctx }) => markAllNotificationsRead({ ctx: serviceContext(ctx) })),
});
