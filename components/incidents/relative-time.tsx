"use client";

// A relative time ("5 min ago") with the exact moment on hover; the wording lives in lib/time-format.ts.
import { formatExact, formatRelative } from "@/lib/time-format";

export function RelativeTime({ date, now, className }: { date: Date; now: number; className?: string }) {
  return (
    <time dateTime={date.toISOString()} title={formatExact(date)} className={className}>
      {formatRelative(date, now)}
    </time>
  );
}
