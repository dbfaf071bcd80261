// Rule: a runbook past its review date (last review, else creation, plus its interval) reminds the
// leads of its owner team once per due date; reviewing it moves the date, so the next lapse reminds again.
import { and, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { runbooks } from "@/db/schema";
import { appUrl, isoDate } from "./dates";
import { deliverAll, type Reminder } from "./deliver";
import { teamLeads } from "./team-leads";

export async function sendRunbookReviewReminders(db: DbOrTx, now: Date): Promise<number> {
  const reviewDue = sql<Date>`coalesce(${runbooks.lastReviewedAt}, ${runbooks.createdAt}) + ${runbooks.reviewIntervalDays} * interval '1 day'`;
  const due = await db
    .select({ id: runbooks.id, title: runbooks.title, teamId: runbooks.ownerTeamId, reviewDue: reviewDue.mapWith(runbooks.createdAt) })
    .from(runbooks)
    .where(and(isNull(runbooks.archivedAt), isNotNull(runbooks.ownerTeamId), lt(reviewDue, now)));
  const reminders: Reminder[] = [];
  for (const runbook of due) {
    const date = isoDate(runbook.reviewDue);
    const href = `/runbooks/${runbook.id}`;
    for (const lead of await teamLeads(db, runbook.teamId!)) {
      reminders.push({
        ruleKey: `runbook_review:${runbook.id}:${date}:${lead.userId}`,
        userId: lead.userId,
        kind: "runbook_review",
        title: `Review due: ${runbook.title}`,
        body: `This ${lead.teamName} runbook was due for review on ${date}.`,
        href,
        email: {
          to: lead.email,
          subject: `[Daytwo] Runbook review due: ${runbook.title}`,
          text: `Hi ${lead.name},\n\nThe ${lead.teamName} runbook "${runbook.title}" was due for review on ${date}. Read it through, fix what changed, and mark it reviewed.\n\nOpen it: ${appUrl(href)}\n`,
        },
        data: { runbookId: runbook.id, reviewDue: runbook.reviewDue.toISOString() },
      });
    }
  }
  return deliverAll(db, reminders, now);
}
