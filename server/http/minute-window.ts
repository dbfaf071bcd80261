import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** The per-minute counters: an alert source's, an API token's (both UNLOGGED tables, one row per key). */
const counters = {
  alertSource: { table: "alert_source_rate", key: "source_id" },
  apiToken: { table: "api_token_rate", key: "token_id" },
} as const;

/**
 * Counts one request against `id`'s fixed one-minute window, kept in the database so every app
 * instance shares it (and the database's clock decides the window). Returns the seconds to wait when
 * the request is over the limit, or null when it may go on.
 */
export async function takeMinuteSlot(db: DbOrTx, counter: keyof typeof counters, id: string, perMinute: number): Promise<number | null> {
  const { table: name, key: keyName } = counters[counter];
  const table = sql.identifier(name);
  const key = sql.identifier(keyName);
  const result = await db.execute<{ requests: number; retry_after: number }>(sql`
    insert into ${table} (${key}, window_started_at, requests)
    values (${id}, date_trunc('minute', now()), 1)
    on conflict (${key}) do update set
      requests = case when ${table}.window_started_at = excluded.window_started_at then ${table}.requests + 1 else 1 end,
      window_started_at = excluded.window_started_at
    returning requests, ceil(extract(epoch from (window_started_at + interval '1 minute' - now())))::int as retry_after`);
  const row = (result as unknown as { rows: { requests: number; retry_after: number }[] }).rows[0];
  if (!row || row.requests <= perMinute) return null;
  return Math.max(1, Number(row.retry_after));
}
