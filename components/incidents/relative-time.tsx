"use client";

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"} ago`;

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
  return date.toLocaleDateString(undefined, { dateStyle: "medium" });
}

export function formatExact(date: Date): string {
  return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "long" });
}

export function RelativeTime({ date, now, className }: { date: Date; now: number; className?: string }) {
  return (
    <time dateTime={date.toISOString()} title={formatExact(date)} className={className}>
      {formatRelative(date, now)}
    </time>
  );
}
