import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Counts one request against the source's fixed one-minute window, kept in the database so every app
 * instance shares it (and the database's clock decides the window). Returns the seconds to wait when
 * the request is over the limit, or null when it may go on.
 */
export async function takeRateSlot(db: DbOrTx, sourceId: string, perMinute: number): Promise<number | null> {
  const result = await db.execute<{ requests: number; retry_after: number }>(sql`
    insert into alert_source_rate (source_id, window_started_at, requests)
    values (${sourceId}, date_trunc('minute', now()), 1)
    on conflict (source_id) do update set
      requests = case when alert_source_rate.window_started_at = excluded.window_started_at then alert_source_rate.requests + 1 else 1 end,
      window_started_at = excluded.window_started_at
    returning requests, ceil(extract(epoch from (window_started_at + interval '1 minute' - now())))::int as retry_after`);
  const row = (result as unknown as { rows: { requests: number; retry_after: number }[] }).rows[0];
  if (!row || row.requests <= perMinute) return null;
  return Math.max(1, Number(row.retry_after));
}
