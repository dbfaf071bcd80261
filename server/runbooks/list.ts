import { and, asc, desc, eq, exists, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { runbooks, runbookServices, teamMembers } from "@/db/schema";
import { freshnessOrder } from "@/lib/runbooks/freshness";
import type { ServiceContext } from "@/server/context";
import { summarize, summaryColumns } from "./load";
import type { listRunbooksInput } from "./schemas";

const LIMIT = 500;

/**
 * Runbooks, searched with Postgres full-text search (title weighs most, then summary, then body) and
 * ranked by relevance; without a query, stale first so owners see what needs them, then by title.
 * Freshness is computed from loaded inputs, so its filter applies after the query.
 */
export async function listRunbooks({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof listRunbooksInput> }) {
  const now = ctx.now?.() ?? new Date();
  const query = input.q ? sql`websearch_to_tsquery('english', ${input.q})` : null;
  const conditions: (SQL | undefined)[] = [isNull(runbooks.archivedAt)];
  if (query) conditions.push(sql`${runbooks.search} @@ ${query}`);
  if (input.serviceId) {
    conditions.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(runbookServices)
          .where(and(eq(runbookServices.runbookId, runbooks.id), eq(runbookServices.serviceId, input.serviceId))),
      ),
    );
  }
  if (input.teamId) conditions.push(eq(runbooks.ownerTeamId, input.teamId));
  // Mine: owned by a team I am a member (or lead) of.
  if (input.mine) conditions.push(inArray(runbooks.ownerTeamId, ctx.db.select({ id: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, ctx.actor.id))));
  const rows = await ctx.db
    .select(summaryColumns)
    .from(runbooks)
    .where(and(...conditions))
    .orderBy(...(query ? [desc(sql`ts_rank(${runbooks.search}, ${query})`), asc(runbooks.title)] : [asc(runbooks.title)]))
    .limit(LIMIT);
  let items = await summarize(ctx.db, ctx.actor, rows, now);
  if (input.freshness) items = items.filter((item) => item.freshness.state === input.freshness);
  // Stable sort: within a freshness state the title order from SQL stays.
  if (!query) items.sort((a, b) => freshnessOrder(a.freshness.state) - freshnessOrder(b.freshness.state));
  return { items };
}
