import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { signInThrottle } from "@/db/schema";

// At most MAX_FAILURES failed sign-ins per account and per client address in each window.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 60_000;

export const throttleKeys = (email: string, ip: string | null) => [`email:${email.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])] as const;

/** Seconds until the caller may try again, or 0 when not throttled. */
export async function secondsUntilRetry(db: DbOrTx, keys: readonly string[], now: Date): Promise<number> {
  const rows = await db
    .select()
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, [...keys]));
  let wait = 0;
  for (const row of rows) {
    const windowEnds = row.windowStartedAt.getTime() + WINDOW_MS;
    if (row.failures >= MAX_FAILURES && windowEnds > now.getTime()) {
      wait = Math.max(wait, Math.ceil((windowEnds - now.getTime()) / 1000));
    }
  }
  return wait;
}

export async function recordFailure(db: DbOrTx, keys: readonly string[], now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  for (const key of keys) {
    // One atomic upsert per key: concurrent failures from several instances all count.
    await db
      .insert(signInThrottle)
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          failures: sql`case when ${signInThrottle.windowStartedAt} <= ${windowStart} then 1 else ${signInThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} <= ${windowStart} then ${now} else ${signInThrottle.windowStartedAt} end`,
        },
      });
  }
}

export async function clearAccountFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(signInThrottle).where(inArray(signInThrottle.key, [`email:${email.toLowerCase()}`]));
}
