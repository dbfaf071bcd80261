import { and, eq, gt, lt, or, sql, type SQL } from "drizzle-orm";
import { incidents, severities } from "@/db/schema";
import { z } from "zod";
import { openStatuses } from "@/lib/incident-lifecycle";
import { encodeCursor as encodePosition } from "@/lib/validation/cursor";
import { int4 } from "@/lib/validation/numbers";

export type ListSort = "active_first" | "newest" | "oldest" | "severity";

// The position a page ends at; checked in full when it comes back (see listIncidentsInput), so a
// forged cursor is refused before it reaches a query.
export const incidentCursor = z.object({ k: int4(), d: z.iso.datetime(), i: z.uuid() });
type Cursor = z.infer<typeof incidentCursor>;

// Literals, not parameters: the expression must read exactly like incidents_active_first_idx's
// for the planner to use that index. The values are our own constants.
const openList = sql.raw(openStatuses.map((status) => `'${status}'`).join(", "));
/** 0 for open incidents, 1 otherwise: the "active first" sort key. */
export const activeRank = sql<number>`(case when ${incidents.status} in (${openList}) then 0 else 1 end)`;

/** The leading sort key for each order (besides declared time and id). */
export function leadingKey(sort: ListSort): SQL<number> {
  if (sort === "active_first") return activeRank;
  if (sort === "severity") return sql<number>`${severities.rank}`;
  return sql<number>`0`;
}

export function orderBy(sort: ListSort): SQL[] {
  // Null ordering spelled out to match the indexes (drizzle writes them DESC NULLS LAST); the
  // columns are NOT NULL, so it changes no result, only whether the planner can walk an index.
  if (sort === "oldest") return [sql`${incidents.declaredAt} asc nulls first`, sql`${incidents.id} asc nulls first`];
  // "newest" has no leading key (a constant there would read as a column position).
  if (sort === "newest") return [sql`${incidents.declaredAt} desc nulls last`, sql`${incidents.id} desc nulls last`];
  return [sql`${leadingKey(sort)} asc`, sql`${incidents.declaredAt} desc nulls last`, sql`${incidents.id} desc nulls last`];
}

export function encodeCursor(key: number, declaredAt: Date, id: string): string {
  return encodePosition({ k: key, d: declaredAt.toISOString(), i: id } satisfies Cursor);
}

/** Keyset condition: rows strictly after the cursor in the chosen order. */
export function afterCursor(sort: ListSort, cursor: Cursor): SQL {
  const declared = new Date(cursor.d);
  if (sort === "oldest") return or(gt(incidents.declaredAt, declared), and(eq(incidents.declaredAt, declared), gt(incidents.id, cursor.i)))!;
  const key = leadingKey(sort);
  return or(sql`${key} > ${cursor.k}`, and(sql`${key} = ${cursor.k}`, or(lt(incidents.declaredAt, declared), and(eq(incidents.declaredAt, declared), lt(incidents.id, cursor.i)))))!;
}
