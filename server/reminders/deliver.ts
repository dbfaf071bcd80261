// The one way a reminder goes out: claim its rule key in the ledger, and only if this call claimed it,
// write the in-app notification and queue the email — all in one transaction, so two scanners (two
// processes, or a restart mid-scan) can never both send it and a crash never leaves half of it.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { OutgoingEventType } from "@/db/enums";
import { notificationOutbox, notifications, reminderDeliveries } from "@/db/schema";
import { inTransaction } from "@/db/in-transaction";

export type ReminderKind = "due_soon" | "overdue" | "digest" | "runbook_review" | "alert_page";

export type Reminder = {
  ruleKey: string;
  userId: string;
  kind: ReminderKind;
  title: string;
  body: string;
  href: string;
  email: { to: string; subject: string; text: string } | null;
  data?: Record<string, unknown>;
  /** Also announced to notification channels, once, with the reminder (server/channels/). */
  outgoing?: { type: OutgoingEventType; incidentId: string | null; data: Record<string, unknown> };
};

/** True when this call sent the reminder; false when its rule key was already in the ledger. */
export async function deliverReminder(db: DbOrTx, reminder: Reminder, now: Date): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const [claimed] = await tx
      .insert(reminderDeliveries)
      .values({
        ruleKey: reminder.ruleKey,
        userId: reminder.userId,
        emailTo: reminder.email?.to ?? null,
        emailSubject: reminder.email?.subject ?? null,
        emailText: reminder.email?.text ?? null,
        emailNextAttemptAt: reminder.email ? now : null,
        data: reminder.data ?? {},
        createdAt: now,
      })
      .onConflictDoNothing({ target: reminderDeliveries.ruleKey })
      .returning({ ruleKey: reminderDeliveries.ruleKey });
    if (!claimed) return false;
    const [notification] = await tx
      .insert(notifications)
      .values({ userId: reminder.userId, kind: reminder.kind, title: reminder.title, body: reminder.body, href: reminder.href, createdAt: now })
      .returning({ id: notifications.id });
    await tx.update(reminderDeliveries).set({ notificationId: notification!.id }).where(eq(reminderDeliveries.ruleKey, reminder.ruleKey));
    if (reminder.outgoing) await tx.insert(notificationOutbox).values({ ...reminder.outgoing, occurredAt: now });
    return true;
  });
}

/** Runs deliveries one by one (each its own transaction) and counts the ones this run sent. */
export async function deliverAll(db: DbOrTx, reminders: Reminder[], now: Date): Promise<number> {
  let sent = 0;
  for (const reminder of reminders) if (await deliverReminder(db, reminder, now)) sent++;
  return sent;
}
