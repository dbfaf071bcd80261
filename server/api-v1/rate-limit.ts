import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Counts one request against the token's fixed one-minute window, in the database so every instance
 * shares one count (and the database's clock decides the window). Returns the seconds to wait when
 * the request is over the limit, or null when it may go on.
 */
export async function takeApiRateSlot(db: DbOrTx, tokenId: string, perMinute: number): Promise<number | null> {
  const result = await db.execute<{ requests: number; retry_after: number }>(sql`
    insert into api_token_rate (token_id, window_started_at, requests)
    values (${tokenId}, date_trunc('minute', now()), 1)
    on conflict (token_id) do update set
      requests = case when api_token_rate.window_started_at = excluded.window_started_at then api_token_rate.requests + 1 else 1 end,
      window_started_at = excluded.window_started_at
    returning requests, ceil(extract(epoch from (window_started_at + interval '1 minute' - now())))::int as retry_after`);
  const row = (result as unknown as { rows: { requests: number; retry_after: number }[] }).rows[0];
  if (!row || row.requests <= perMinute) return null;
  return Math.max(1, Number(row.retry_after));
}
