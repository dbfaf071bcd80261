import { and, desc, eq, exists, inArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { actionItems, postMortems, runbookFeedback, users } from "@/db/schema";
import { activeStatuses } from "@/lib/action-items";
import { extractSteps } from "@/lib/runbooks/steps";
import { selectActionItems } from "@/server/action-items/read-model";
import type { ServiceContext } from "@/server/context";
import { visibleThrough } from "@/server/incidents/access";
import { loadRunbook, summarize } from "./load";
import type { runbookIdInput, RunbookDetail } from "./schemas";

const LATEST_FEEDBACK = 5;

const publishedPostMortemOf = sql`(select 1 from ${postMortems} where ${postMortems.id} = ${actionItems.postMortemId} and ${postMortems.status} = 'published')`;

/** One runbook with everything its page shows. Feedback and action items from private incidents the reader cannot see are left out. */
export async function getRunbook({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof runbookIdInput> }): Promise<RunbookDetail> {
  const now = ctx.now?.() ?? new Date();
  const runbook = await loadRunbook(ctx.db, input.id);
  const visible = visibleThrough(ctx.actor, runbookFeedback.incidentId);
  const [[summary], reviewer, counts, latest, items] = await Promise.all([
    summarize(ctx.db, ctx.actor, [runbook], now),
    runbook.lastReviewedById ? ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, runbook.lastReviewedById)) : Promise.resolve([]),
    ctx.db
      .select({ helpful: runbookFeedback.helpful, count: sql<number>`count(*)::int` })
      .from(runbookFeedback)
      .where(and(eq(runbookFeedback.runbookId, runbook.id), visibleThrough(ctx.actor, runbookFeedback.incidentId)))
      .groupBy(runbookFeedback.helpful),
    ctx.db
      .select({ id: runbookFeedback.id, helpful: runbookFeedback.helpful, comment: runbookFeedback.comment, createdAt: runbookFeedback.createdAt, userId: users.id, userName: users.name })
      .from(runbookFeedback)
      .innerJoin(users, eq(users.id, runbookFeedback.userId))
      .where(and(eq(runbookFeedback.runbookId, runbook.id), sql`${runbookFeedback.comment} <> ''`, visible))
      .orderBy(desc(runbookFeedback.createdAt))
      .limit(LATEST_FEEDBACK),
    // Open items targeting it, and every item of a published post-mortem targeting it (done ones too: they show what changed).
    selectActionItems(ctx.db, ctx.actor, [eq(actionItems.runbookId, runbook.id), or(inArray(actionItems.status, [...activeStatuses]), exists(publishedPostMortemOf))!], now),
  ]);
  if (!summary) throw new Error("summary of a loaded runbook is missing");
  const count = (helpful: boolean) => counts.find((c) => c.helpful === helpful)?.count ?? 0;
  return {
    ...summary,
    body: runbook.body,
    steps: extractSteps(runbook.body),
    incidentKinds: runbook.incidentKinds,
    severityIds: runbook.severityIds,
    alertMatchers: runbook.alertMatchers,
    reviewIntervalDays: runbook.reviewIntervalDays,
    lastReviewedBy: reviewer[0] ?? null,
    createdAt: runbook.createdAt,
    feedback: {
      helpful: count(true),
      unhelpful: count(false),
      latest: latest.map((f) => ({ id: f.id, helpful: f.helpful, comment: f.comment, createdAt: f.createdAt, user: { id: f.userId, name: f.userName } })),
    },
    targetingActionItems: items.map((item) => ({
      id: item.id,
      title: item.title,
      status: item.status,
      owner: item.owner,
      dueAt: item.dueAt,
      isOverdue: item.isOverdue,
      postMortemId: item.postMortemId,
      incident: item.incident,
    })),
  };
}
