// Calendar keys for rule keys and messages. UTC throughout, so every instance computes the same key.
import { serverEnv } from "@/env";

export const DAY_MS = 86_400_000;

/** 2026-11-23 */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** 2026-W48: the ISO-8601 week (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Absolute link for emails: the public URL when configured, else this server's local address. */
export function appUrl(path: string): string {
  const { AUTH_URL, PORT } = serverEnv();
  const base = AUTH_URL ?? `http://localhost:${PORT}`;
  return new URL(path, base).toString();
}
