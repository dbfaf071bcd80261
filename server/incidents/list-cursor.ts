import { and, eq, gt, lt, or, sql, type SQL } from "drizzle-orm";
import { incidents, severities } from "@/db/schema";
import { openStatuses } from "@/lib/incident-lifecycle";
import { invalid } from "@/server/errors";

export type ListSort = "active_first" | "newest" | "oldest" | "severity";
type Cursor = { k: number; d: string; i: string };

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
  return Buffer.from(JSON.stringify({ k: key, d: declaredAt.toISOString(), i: id } satisfies Cursor)).toString("base64url");
}

/** Keyset condition: rows strictly after the cursor in the chosen order. */
export function afterCursor(sort: ListSort, encoded: string): SQL {
  let cursor: Cursor;
  try {
    cursor = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as Cursor;
    if (typeof cursor.k !== "number" || Number.isNaN(Date.parse(cursor.d)) || typeof cursor.i !== "string") throw new Error("shape");
  } catch {
    throw invalid("That page link is no longer valid. Go back to the first page.", "cursor");
  }
  const declared = new Date(cursor.d);
  if (sort === "oldest") return or(gt(incidents.declaredAt, declared), and(eq(incidents.declaredAt, declared), gt(incidents.id, cursor.i)))!;
  const key = leadingKey(sort);
  return or(sql`${key} > ${cursor.k}`, and(sql`${key} = ${cursor.k}`, or(lt(incidents.declaredAt, declared), and(eq(incidents.declaredAt, declared), lt(incidents.id, cursor.i)))))!;
}
