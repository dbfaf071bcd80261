// When to try a failed delivery again: the Standard Webhooks schedule (5 s, 5 min, 30 min, 2 h, 5 h,
// 10 h, 14 h, 20 h, 24 h after each failure) with ±20 % jitter so a recovering receiver is not hit by
// every sender at once; a receiver's Retry-After wins when it asks for longer. After the last, the
// delivery has failed for good.
const SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400];
export const MAX_ATTEMPTS = SCHEDULE_SECONDS.length + 1;
const MAX_RETRY_AFTER_SECONDS = 86_400;

/** Seconds from a Retry-After header (seconds or an HTTP date), or null. */
export function retryAfterSeconds(header: string | undefined, now: Date): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, MAX_RETRY_AFTER_SECONDS);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.min(Math.max(0, (date - now.getTime()) / 1000), MAX_RETRY_AFTER_SECONDS);
}

/** The next attempt's time after `attempts` attempts, or null when no attempt is left. */
export function nextAttemptAt(attempts: number, now: Date, retryAfter: number | null, random = Math.random): Date | null {
  const base = SCHEDULE_SECONDS[attempts - 1];
  if (base === undefined) return null;
  const jittered = base * (0.8 + 0.4 * random());
  return new Date(now.getTime() + Math.max(jittered, retryAfter ?? 0) * 1000);
}
