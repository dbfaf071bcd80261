// Sends the queued reminder emails. Rows are claimed with FOR UPDATE SKIP LOCKED and leased (the next
// attempt moves into the future) before the claim commits, so two processes never send the same row
// and the database is not held while SMTP talks; a sender that dies mid-send returns its rows when
// the lease runs out.
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { reminderDeliveries } from "@/db/schema";
import type { Mailer } from "@/server/mail/mailer";

const LEASE_MS = 15 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 3_600_000;
export const MAX_EMAIL_ATTEMPTS = 8;
export const SMTP_UNSET_ERROR = "Not emailed: SMTP_URL is not set (in-app only).";

export type OutboxResult = { sent: number; failed: number; skipped: number };

/** Wait before attempt n+1 after n failures: 1, 2, 4 … minutes, at most 6 hours. */
export const retryDelayMs = (attempts: number) => Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));

export async function sendPendingEmails(db: DbOrTx, mailer: Mailer | null, now: Date, batchSize = 20): Promise<OutboxResult> {
  const result: OutboxResult = { sent: 0, failed: 0, skipped: 0 };
  for (;;) {
    const batch = await claimBatch(db, now, batchSize);
    if (batch.length === 0) return result;
    for (const row of batch) {
      if (!mailer || !row.emailTo) {
        await finish(db, row.ruleKey, { emailError: SMTP_UNSET_ERROR, emailNextAttemptAt: null });
        result.skipped++;
        continue;
      }
      try {
        await mailer.send({ to: row.emailTo, subject: row.emailSubject ?? "Daytwo reminder", text: row.emailText ?? "" });
        await finish(db, row.ruleKey, { emailedAt: now, emailError: null, emailNextAttemptAt: null });
        result.sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const givesUp = row.emailAttempts >= MAX_EMAIL_ATTEMPTS;
        await finish(db, row.ruleKey, {
          emailError: givesUp ? `Gave up after ${row.emailAttempts} attempts: ${message}` : message,
          emailNextAttemptAt: givesUp ? null : new Date(now.getTime() + retryDelayMs(row.emailAttempts)),
        });
        result.failed++;
      }
    }
    if (batch.length < batchSize) return result;
  }
}

async function claimBatch(db: DbOrTx, now: Date, batchSize: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ ruleKey: reminderDeliveries.ruleKey })
      .from(reminderDeliveries)
      .where(and(isNull(reminderDeliveries.emailedAt), lte(reminderDeliveries.emailNextAttemptAt, now)))
      .orderBy(asc(reminderDeliveries.emailNextAttemptAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(reminderDeliveries)
      .set({ emailAttempts: sql`${reminderDeliveries.emailAttempts} + 1`, emailNextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(
        inArray(
          reminderDeliveries.ruleKey,
          due.map((row) => row.ruleKey),
        ),
      )
      .returning({
        ruleKey: reminderDeliveries.ruleKey,
        emailTo: reminderDeliveries.emailTo,
        emailSubject: reminderDeliveries.emailSubject,
        emailText: reminderDeliveries.emailText,
        emailAttempts: reminderDeliveries.emailAttempts,
      });
  });
}

async function finish(db: DbOrTx, ruleKey: string, set: Partial<typeof reminderDeliveries.$inferInsert>) {
  await db.update(reminderDeliveries).set(set).where(eq(reminderDeliveries.ruleKey, ruleKey));
}
