import { and, eq, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { actionItems, incidents, postMortems, teams, users } from "@/db/schema";
import { isActive } from "@/lib/action-items";
import type { ServiceContext } from "@/server/context";
import { DUE_SOON_DAYS, filterConditions, visibleItems } from "./read-model";
import type { Dashboard, dashboardInput } from "./schemas";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const ageBuckets = [
  { label: "Under a week", maxDays: 7 },
  { label: "1–4 weeks", maxDays: 28 },
  { label: "1–3 months", maxDays: 91 },
  { label: "Over 3 months", maxDays: Infinity },
];

/**
 * The leads' figures. Owner, team, kind and priority filters narrow every figure; status and
 * due filters only narrow the table below it (a "done only" overdue count would say nothing).
 * Closed means done or won't do; an item closed after its due date counts as missed.
 */
export async function actionItemDashboard({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof dashboardInput> }): Promise<Dashboard> {
  const now = ctx.now?.() ?? new Date();
  const soon = new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS);
  const weekStart = startOfWeek(now);
  const windowStart = new Date(weekStart.getTime() - (input.weeks - 1) * WEEK_MS);
  const scope = and(...filterConditions({ ownerId: input.ownerId, teamId: input.teamId, kind: input.kind, priority: input.priority }, now), visibleItems(ctx.actor));

  const active = sql`${actionItems.status} in ('open', 'in_progress')`;
  const closedAt = sql`coalesce(${actionItems.doneAt}, ${actionItems.updatedAt})`;
  const counts = {
    open: sql<number>`(count(*) filter (where ${active}))::int`,
    overdue: sql<number>`(count(*) filter (where ${active} and ${actionItems.dueAt} < ${now}))::int`,
    dueSoon: sql<number>`(count(*) filter (where ${active} and ${actionItems.dueAt} >= ${now} and ${actionItems.dueAt} < ${soon}))::int`,
  };
  const breakdown = async (key: SQL<string | null>, label: SQL<string | null>) => {
    const rows = await ctx.db
      .select({ key, label, ...counts })
      .from(actionItems)
      .leftJoin(incidents, eq(incidents.id, actionItems.incidentId))
      .innerJoin(users, eq(users.id, actionItems.ownerId))
      .leftJoin(teams, eq(teams.id, actionItems.teamId))
      .where(and(scope, active))
      .groupBy(key, label);
    return rows
      .map((row) => ({ key: row.key ?? "none", label: row.label ?? "No team", open: row.open, overdue: row.overdue, dueSoon: row.dueSoon }))
      .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || b.open - a.open || a.label.localeCompare(b.label));
  };

  const [totals] = await ctx.db
    .select({ ...counts, closedInWindow: sql<number>`(count(*) filter (where ${actionItems.status} in ('done', 'wont_do') and ${closedAt} >= ${windowStart}))::int` })
    .from(actionItems)
    .leftJoin(incidents, eq(incidents.id, actionItems.incidentId))
    .where(scope);
  const openItems = await ctx.db.select({ createdAt: actionItems.createdAt }).from(actionItems).leftJoin(incidents, eq(incidents.id, actionItems.incidentId)).where(and(scope, active));
  const recent = await ctx.db
    .select({ createdAt: actionItems.createdAt, closedAt: sql<Date | null>`case when ${actionItems.status} in ('done', 'wont_do') then ${closedAt} end`.mapWith(nullableDate) })
    .from(actionItems)
    .leftJoin(incidents, eq(incidents.id, actionItems.incidentId))
    .where(and(scope, sql`(${actionItems.createdAt} >= ${windowStart} or ${closedAt} >= ${windowStart})`));
  // The post-mortem's id only: its row also holds the whole document.
  const postMortemRows = await ctx.db
    .select({ postMortemId: postMortems.id, item: actionItems })
    .from(actionItems)
    .leftJoin(incidents, eq(incidents.id, actionItems.incidentId))
    .innerJoin(postMortems, eq(postMortems.id, actionItems.postMortemId))
    .where(and(scope, sql`${postMortems.publishedAt} >= ${windowStart}`));

  return {
    totals: totals ?? { open: 0, overdue: 0, dueSoon: 0, closedInWindow: 0 },
    byOwner: await breakdown(sql<string>`${users.id}::text`, sql<string>`${users.name}`),
    byTeam: await breakdown(sql<string | null>`${teams.id}::text`, sql<string | null>`${teams.name}`),
    byKind: await breakdown(sql<string>`${actionItems.kind}::text`, sql<string>`${actionItems.kind}::text`),
    ageing: ageBuckets.map((bucket, index) => {
      const minDays = index === 0 ? 0 : ageBuckets[index - 1]!.maxDays;
      const count = openItems.filter(({ createdAt }) => {
        const age = (now.getTime() - createdAt.getTime()) / DAY_MS;
        return age >= minDays && age < bucket.maxDays;
      }).length;
      return { label: bucket.label, count };
    }),
    completion: Array.from({ length: input.weeks }, (_, index) => {
      const start = new Date(windowStart.getTime() + index * WEEK_MS);
      const end = new Date(start.getTime() + WEEK_MS);
      const within = (date: Date | null) => !!date && date >= start && date < end;
      return { weekStart: start, created: recent.filter((row) => within(row.createdAt)).length, closed: recent.filter((row) => within(row.closedAt)).length };
    }),
    postMortems: postMortemShare(postMortemRows, now),
    dueSoonDays: DUE_SOON_DAYS,
  };
}

type Item = typeof actionItems.$inferSelect;

/** Published post-mortems whose items all closed by their due dates, against those that missed one. */
export function postMortemShare(rows: { postMortemId: string; item: Item }[], now: Date) {
  const byPostMortem = new Map<string, { item: Item }[]>();
  for (const row of rows) byPostMortem.set(row.postMortemId, [...(byPostMortem.get(row.postMortemId) ?? []), row]);
  let closedOnTime = 0;
  let missed = 0;
  let pending = 0;
  for (const items of byPostMortem.values()) {
    const outcomes = items.map(({ item }) => itemOutcome(item, now));
    if (outcomes.includes("missed")) missed++;
    else if (outcomes.includes("pending")) pending++;
    else closedOnTime++;
  }
  const decided = closedOnTime + missed;
  return { closedOnTime, missed, pending, share: decided === 0 ? null : closedOnTime / decided };
}

function itemOutcome(item: Item, now: Date): "on_time" | "missed" | "pending" {
  if (isActive(item.status)) return item.dueAt < now ? "missed" : "pending";
  const closedAt = item.doneAt ?? item.updatedAt;
  return closedAt <= item.dueAt ? "on_time" : "missed";
}

/** Monday 00:00 UTC of the week `date` falls in: the chart's buckets are calendar weeks. */
export function startOfWeek(date: Date): Date {
  const day = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day));
}

function nullableDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}
