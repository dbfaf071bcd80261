// Rule: an open item due within the next two days reminds its owner once per due date.
import type { DbOrTx } from "@/db/client";
import { appUrl, DAY_MS, isoDate } from "./dates";
import { deliverAll, type Reminder } from "./deliver";
import { itemHref, openItemsDue } from "./open-items";

export const DUE_SOON_DAYS = 2;

export async function sendDueSoonReminders(db: DbOrTx, now: Date): Promise<number> {
  const items = await openItemsDue(db, { after: now, until: new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS) });
  const reminders = items.map((item): Reminder => {
    const due = isoDate(item.dueAt);
    return {
      // The due date is part of the key: moving the date earns a fresh reminder, re-running does not.
      ruleKey: `due_soon:${item.id}:${due}`,
      userId: item.ownerId,
      kind: "due_soon",
      title: `Due soon: ${item.title}`,
      body: `Your action item is due on ${due}.`,
      href: itemHref(item.id),
      email: {
        to: item.ownerEmail,
        subject: `[Daytwo] Due ${due}: ${item.title}`,
        text: `Hi ${item.ownerName},\n\nYour action item "${item.title}" is due on ${due}.\n\nOpen it: ${appUrl(itemHref(item.id))}\n`,
      },
      data: { itemId: item.id, dueAt: item.dueAt.toISOString() },
    };
  });
  return deliverAll(db, reminders, now);
}
