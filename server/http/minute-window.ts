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
type Windows = { leases: Map<string, Lease>; refills: Map<string, Promise<void>> };

/** One process's slots; tests make several to stand for several instances. */
export function minuteWindows(): Take {
  const windows: Windows = { leases: new Map(), refills: new Map() };
  return (db, counter, id, perMinute) => take(windows, db, counter, id, perMinute);
}

/**
 * Counts one request against `id`'s fixed one-minute window. Returns the seconds to wait when the
 * request is over the limit, or null when it may go on.
 */
export const takeMinuteSlot = minuteWindows();

// Requests that find the lease empty while a refill is on its way wait for that refill instead of
// taking blocks of their own: 32 concurrent requests each taking a block and using one slot of it
// burned 32 blocks per refill, so a busy token was refused far below its limit (and every alert
// source's counter row was updated by every waiting request, one after another).
async function take(windows: Windows, db: DbOrTx, counter: keyof typeof counters, id: string, perMinute: number): Promise<number | null> {
  const name = `${counter}:${id}`;
  for (;;) {
    const now = Date.now();
    const lease = windows.leases.get(name);
    if (lease && now < lease.until) {
      if (lease.left > 0) {
        lease.left -= 1;
        return null;
      }
      // A window only fills up until it ends: once it refused us, no instance gets more slots before then.
      if (lease.full) return Math.max(1, Math.ceil((lease.until - now) / 1000));
    }
    const pending = windows.refills.get(name) ?? refill(windows, name, db, counter, id, perMinute);
    await pending;
  }
}

function refill(windows: Windows, name: string, db: DbOrTx, counter: keyof typeof counters, id: string, perMinute: number): Promise<void> {
  const block = blockFor(perMinute);
  const startedAt = Date.now();
  const pending = takeBlock(db, counter, id, block)
    .then(({ requests, msLeft }) => {
      const granted = Math.max(0, Math.min(block, perMinute - (requests - block)));
      if (windows.leases.size >= 10_000) windows.leases.clear();
      // At least a millisecond, so the requests waiting on this refill read its answer.
      windows.leases.set(name, { left: granted, until: startedAt + Math.max(1, msLeft), full: granted < block });
    })
    .finally(() => windows.refills.delete(name));
  windows.refills.set(name, pending);
  return pending;
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
