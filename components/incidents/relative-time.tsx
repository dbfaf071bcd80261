"use client";

// A relative time ("5 min ago") with the exact moment on hover; the wording lives in lib/time-format.ts.
import { formatExact, formatRelative } from "@/lib/time-format";

export function RelativeTime({ date, now, className }: { date: Date; now: number; className?: string }) {
  return (
    // The server's clock and the browser's differ by the time between render and hydration, which can
    // cross a minute ("just now" → "1 min ago"): the browser's wording wins, without a hydration error.
    <time dateTime={date.toISOString()} title={formatExact(date)} className={className} suppressHydrationWarning>
      {formatRelative(date, now)}
    </time>
  );
}
