// Every date and time Daytwo shows, formatted here: in the viewer's locale and time zone (style.md),
// in UTC only where the caller asks. Formatters are built once, not per row (a timeline has hundreds).
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions, locale?: string): Intl.DateTimeFormat {
  const key = `${locale ?? ""}${JSON.stringify(options)}`;
  let cached = cache.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    cache.set(key, cached);
  }
  return cached;
}

/** "Dec 2, 2026" — due dates, review dates, old events. */
export const formatDate = (date: Date) => formatter({ dateStyle: "medium" }).format(date);

/** "Dec 2, 2026, 9:41 AM" — when something was written (audit rows, revisions, notifications). */
export const formatDateTime = (date: Date) => formatter({ dateStyle: "medium", timeStyle: "short" }).format(date);

/** "Dec 2, 2026, 9:41:07 AM GMT+1" — the exact moment, for tooltips. */
export const formatExact = (date: Date) => formatter({ dateStyle: "medium", timeStyle: "long" }).format(date);

/** "09:41" — a time of day in the viewer's zone. */
export const formatTimeOfDay = (date: Date) => formatter({ hour: "2-digit", minute: "2-digit" }).format(date);

/** "09:41:07" (or "Dec 2, 09:41:07"), in UTC with its zone name when `isUtc`: the incident timeline's clock. */
export function formatClock(date: Date, { withDate = false, isUtc = false, isServerSafe = false }: { withDate?: boolean; isUtc?: boolean; isServerSafe?: boolean } = {}): string {
  // isServerSafe: the server knows neither the viewer's zone nor their locale, so a server render (and
  // the browser's first pass over it) writes UTC in one fixed form; the browser switches right after.
  if (isServerSafe)
    return formatter(
      { ...(withDate ? { month: "short", day: "numeric" } : {}), hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone: "UTC", timeZoneName: "short" },
      "en-US",
    ).format(date);
  return formatter({
    ...(withDate ? { month: "short", day: "numeric" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    ...(isUtc ? { timeZone: "UTC", timeZoneName: "short" } : {}),
  }).format(date);
}

/** "Dec 2" of a UTC day — chart buckets are UTC weeks, so their labels must not shift with the viewer. */
export const formatUtcDay = (date: Date) => formatter({ month: "short", day: "numeric", timeZone: "UTC" }).format(date);

/** "09:41 UTC" — post-mortem timelines, read by people in many zones. */
export const formatUtcTime = (date: Date) => `${date.toISOString().slice(11, 16)} UTC`;

/** "2026-12-02 09:41 UTC" — times written into stored text (timeline sentences), the same for every reader. */
export const formatUtcDateTime = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"} ago`;

/** "just now", "5 min ago", "3 hours ago", "2 days ago", then the date. */
export function formatRelative(date: Date, now: number): string {
  // Clamped: a row refetched just after `now` last ticked would otherwise read "in 5 s".
  const seconds = Math.max(0, Math.round((now - date.getTime()) / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return plural(hours, "hour");
  const days = Math.floor(hours / 24);
  if (days < 30) return plural(days, "day");
  return formatDate(date);
}

/** The value a `<input type="datetime-local">` expects: local wall-clock time, minutes precision. */
export const toDateTimeLocalValue = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
