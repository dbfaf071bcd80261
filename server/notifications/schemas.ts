import { z } from "zod";
import { int4 } from "@/lib/validation/numbers";

export const listNotificationsInput = z.object({
  limit: int4({ min: 1, max: 50, minMessage: "Ask for at least one notification", maxMessage: "At most 50 notifications at a time" }).default(20),
});

export const markNotificationReadInput = z.object({ id: z.uuid("That is not a notification id") });

export const notificationOutput = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  href: z.string(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export const unreadCountOutput = z.object({ unread: z.number().int() });

export type NotificationOutput = z.infer<typeof notificationOutput>;
