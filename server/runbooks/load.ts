import { and, asc, eq, inArray, isNull, max } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { actionItems, incidentRunbooks, runbookFeedback, runbooks, runbookServices, runbookStepStates, services, teams, type Runbook } from "@/db/schema";
import { activeStatuses } from "@/lib/action-items";
import { computeFreshness } from "@/lib/runbooks/freshness";
import type { Actor } from "@/server/context";
import { notFound } from "@/server/errors";
import { visibleThrough } from "@/server/incidents/access";
import type { RunbookSummary } from "./schemas";

/** A live (not archived) runbook, or "not found". `lock` serializes saves of the same runbook. */
export async function loadRunbook(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<Runbook> {
  const query = db
    .select()
    .from(runbooks)
    .where(and(eq(runbooks.id, id), isNull(runbooks.archivedAt)));
  const [runbook] = options.lock ? await query.for("update") : await query;
  if (!runbook) throw notFound("That runbook");
  return runbook;
}

type Row = Pick<Runbook, "id" | "title" | "summary" | "ownerTeamId" | "lastReviewedAt" | "revision" | "createdAt" | "updatedAt" | "reviewIntervalDays">;

/**
 * Summaries with freshness for a set of runbooks in six queries whatever their number: owner teams,
 * linked services, open action items targeting them, unhelpful feedback and last use (attached, a
 * step ticked or noted). Keeps `rows` order. Freshness and last use are the reader's: what happened in
 * private incidents they cannot see does not count, or a badge turning stale or a new "last used" date
 * would tell them a private incident used (and disliked) the runbook.
 */
export async function summarize(db: DbOrTx, actor: Actor, rows: Row[], now: Date): Promise<RunbookSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const teamIds = [...new Set(rows.map((r) => r.ownerTeamId).filter((id): id is string => id !== null))];
  const [teamRows, serviceRows, itemRows, feedbackRows, attachRows, stepRows] = await Promise.all([
    teamIds.length ? db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds)) : Promise.resolve([]),
    db
      .select({ runbookId: runbookServices.runbookId, id: services.id, name: services.name })
      .from(runbookServices)
      .innerJoin(services, eq(services.id, runbookServices.serviceId))
      .where(inArray(runbookServices.runbookId, ids))
      .orderBy(asc(services.name)),
    db
      .select({ runbookId: actionItems.runbookId, dueAt: actionItems.dueAt })
      .from(actionItems)
      .where(and(inArray(actionItems.runbookId, ids), inArray(actionItems.status, [...activeStatuses]), visibleThrough(actor, actionItems.incidentId))),
    db
      .select({ runbookId: runbookFeedback.runbookId, createdAt: runbookFeedback.createdAt })
      .from(runbookFeedback)
      .where(and(inArray(runbookFeedback.runbookId, ids), eq(runbookFeedback.helpful, false), visibleThrough(actor, runbookFeedback.incidentId))),
    db
      .select({ runbookId: incidentRunbooks.runbookId, at: max(incidentRunbooks.attachedAt) })
      .from(incidentRunbooks)
      .where(and(inArray(incidentRunbooks.runbookId, ids), visibleThrough(actor, incidentRunbooks.incidentId)))
      .groupBy(incidentRunbooks.runbookId),
    db
      .select({ runbookId: incidentRunbooks.runbookId, at: max(runbookStepStates.updatedAt) })
      .from(runbookStepStates)
      .innerJoin(incidentRunbooks, eq(incidentRunbooks.id, runbookStepStates.incidentRunbookId))
      .where(and(inArray(incidentRunbooks.runbookId, ids), visibleThrough(actor, incidentRunbooks.incidentId)))
      .groupBy(incidentRunbooks.runbookId),
  ]);
  const lastUseBy = new Map<string, Date>();
  for (const { runbookId, at } of [...attachRows, ...stepRows]) {
    const seen = lastUseBy.get(runbookId);
    if (at && (!seen || at > seen)) lastUseBy.set(runbookId, at);
  }
  const teamById = new Map(teamRows.map((t) => [t.id, t]));
  const group = <T extends { runbookId: string | null }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) if (item.runbookId) map.set(item.runbookId, [...(map.get(item.runbookId) ?? []), item]);
    return map;
  };
  const servicesBy = group(serviceRows);
  const itemsBy = group(itemRows);
  const feedbackBy = group(feedbackRows);
  return rows.map((row) => {
    const lastUsedAt = lastUseBy.get(row.id) ?? null;
    const freshness = computeFreshness(
      {
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        lastReviewedAt: row.lastReviewedAt,
        lastUsedAt,
        reviewIntervalDays: row.reviewIntervalDays,
        openActionItemDueDates: (itemsBy.get(row.id) ?? []).map((i) => i.dueAt),
        unhelpfulFeedbackAt: (feedbackBy.get(row.id) ?? []).map((f) => f.createdAt),
      },
      now,
    );
    return {
      id: row.id,
      title: row.title,
      summary: row.summary,
      ownerTeam: row.ownerTeamId ? (teamById.get(row.ownerTeamId) ?? null) : null,
      services: (servicesBy.get(row.id) ?? []).map(({ id, name }) => ({ id, name })),
      freshness,
      lastReviewedAt: row.lastReviewedAt,
      lastUsedAt,
      revision: row.revision,
      updatedAt: row.updatedAt,
    };
  });
}

/** The columns `summarize` needs, for select(). */
export const summaryColumns = {
  id: runbooks.id,
  title: runbooks.title,
  summary: runbooks.summary,
  ownerTeamId: runbooks.ownerTeamId,
  lastReviewedAt: runbooks.lastReviewedAt,
  revision: runbooks.revision,
  createdAt: runbooks.createdAt,
  updatedAt: runbooks.updatedAt,
  reviewIntervalDays: runbooks.reviewIntervalDays,
};

/** Summaries for the given runbook ids (archived ones are left out), in the order of `ids`. */
export async function summariesById(db: DbOrTx, actor: Actor, ids: string[], now: Date): Promise<Map<string, RunbookSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(summaryColumns)
    .from(runbooks)
    .where(and(inArray(runbooks.id, ids), isNull(runbooks.archivedAt)));
  const list = await summarize(db, actor, rows, now);
  return new Map(list.map((summary) => [summary.id, summary]));
}
