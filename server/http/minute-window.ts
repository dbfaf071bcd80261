import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** The per-minute counters: an alert source's, an API token's (both UNLOGGED tables, one row per key). */
const counters = {
  alertSource: { table: "alert_source_rate", key: "source_id" },
  apiToken: { table: "api_token_rate", key: "token_id" },
} as const;

// The count lives in the database so every instance shares it (and the database's clock decides the
// window), but a round trip per request cost as much as the request's own query. So a process takes
// slots in blocks of about a second's share of the limit and hands them out from memory. A block
// counts in full the moment it is taken, so the limit is never exceeded, however many instances run;
// slots an instance took and did not use are simply lost when the minute ends. A small limit (under
// 120 a minute) is taken one slot at a time and so counted exactly.
const MAX_BLOCK = 100;
const blockFor = (perMinute: number) => Math.max(1, Math.min(MAX_BLOCK, Math.floor(perMinute / 60)));

type Lease = { left: number; until: number; full: boolean };
type Take = (db: DbOrTx, counter: keyof typeof counters, id: string, perMinute: number) => Promise<number | null>;

/** One process's slots; tests make several to stand for several instances. */
export function minuteWindows(): Take {
  const leases = new Map<string, Lease>();
  return (db, counter, id, perMinute) => take(leases, db, counter, id, perMinute);
}

/**
 * Counts one request against `id`'s fixed one-minute window. Returns the seconds to wait when the
 * request is over the limit, or null when it may go on.
 */
export const takeMinuteSlot = minuteWindows();

async function take(leases: Map<string, Lease>, db: DbOrTx, counter: keyof typeof counters, id: string, perMinute: number): Promise<number | null> {
  const name = `${counter}:${id}`;
  const now = Date.now();
  const lease = leases.get(name);
  if (lease && now < lease.until) {
    if (lease.left > 0) {
      lease.left -= 1;
      return null;
    }
    // A window only fills up until it ends: once it refused us, no instance gets more slots before then.
    if (lease.full) return Math.max(1, Math.ceil((lease.until - now) / 1000));
  }
  const block = blockFor(perMinute);
  const { requests, msLeft } = await takeBlock(db, counter, id, block);
  const granted = Math.max(0, Math.min(block, perMinute - (requests - block)));
  if (leases.size >= 10_000) leases.clear();
  leases.set(name, { left: Math.max(0, granted - 1), until: now + msLeft, full: granted < block });
  return granted > 0 ? null : Math.max(1, Math.ceil(msLeft / 1000));
}

async function takeBlock(db: DbOrTx, counter: keyof typeof counters, id: string, block: number): Promise<{ requests: number; msLeft: number }> {
  const { table: name, key: keyName } = counters[counter];
  const table = sql.identifier(name);
  const key = sql.identifier(keyName);
  const result = await db.execute<{ requests: number; ms_left: number }>(sql`
    insert into ${table} (${key}, window_started_at, requests)
    values (${id}, date_trunc('minute', now()), ${block})
    on conflict (${key}) do update set
      requests = case when ${table}.window_started_at = excluded.window_started_at then ${table}.requests + ${block} else ${block} end,
      window_started_at = excluded.window_started_at
    returning requests, ceil(extract(epoch from (window_started_at + interval '1 minute' - now())) * 1000)::int as ms_left`);
  const row = (result as unknown as { rows: { requests: number; ms_left: number }[] }).rows[0];
  return { requests: Number(row?.requests ?? 0), msLeft: Math.max(0, Number(row?.ms_left ?? 0)) };
}
