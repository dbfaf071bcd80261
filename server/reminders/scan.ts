// The periodic scan: every rule that watches the clock, in a fixed order. Safe to run any number of
// times, from any number of processes: the ledger keeps each reminder to one delivery.
import type { DbOrTx } from "@/db/client";
import { sendDueSoonReminders } from "./due-soon";
import { sendOverdueReminders } from "./overdue";
import { sendRunbookReviewReminders } from "./runbook-review";

export type ScanResult = { dueSoon: number; overdue: number; runbookReview: number };

export async function runReminderScan(db: DbOrTx, now: Date): Promise<ScanResult> {
  const dueSoon = await sendDueSoonReminders(db, now);
  const overdue = await sendOverdueReminders(db, now);
  const runbookReview = await sendRunbookReviewReminders(db, now);
  return { dueSoon, overdue, runbookReview };
}
