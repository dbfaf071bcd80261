// Rule: an open item past its due date reminds its owner once per due date.
import type { DbOrTx } from "@/db/client";
import { appUrl, isoDate } from "./dates";
import { deliverAll, type Reminder } from "./deliver";
import { itemHref, openItemsDue } from "./open-items";

export async function sendOverdueReminders(db: DbOrTx, now: Date): Promise<number> {
  const items = await openItemsDue(db, { until: now });
  const reminders = items.map((item): Reminder => {
    const due = isoDate(item.dueAt);
    return {
      ruleKey: `overdue:${item.id}:${due}`,
      userId: item.ownerId,
      kind: "overdue",
      title: `Overdue: ${item.title}`,
      body: `Your action item was due on ${due}. Finish it, move its due date, or mark it won't do.`,
      href: itemHref(item.id),
      email: {
        to: item.ownerEmail,
        subject: `[Daytwo] Overdue since ${due}: ${item.title}`,
        text: `Hi ${item.ownerName},\n\nYour action item "${item.title}" was due on ${due}. Finish it, move its due date, or mark it won't do.\n\nOpen it: ${appUrl(itemHref(item.id))}\n`,
      },
      data: { itemId: item.id, dueAt: item.dueAt.toISOString() },
      outgoing: {
        type: "action_item.overdue",
        incidentId: item.incidentId,
        data: { actionItem: { id: item.id, title: item.title, owner: { id: item.ownerId, name: item.ownerName }, dueAt: item.dueAt.toISOString(), url: appUrl(itemHref(item.id)) } },
      },
    };
  });
  return deliverAll(db, reminders, now);
}
