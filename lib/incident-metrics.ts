// Response times from an incident's milestones. Start of trouble = impact start if known,
// else detection, else declaration. Null until the milestone is reached.
export type MilestoneTimes = {
  impactStartedAt: Date | null;
  detectedAt: Date | null;
  declaredAt: Date;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
};

const seconds = (from: Date | null, to: Date | null) => (from && to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null);

export function incidentMetrics(m: MilestoneTimes) {
  const troubleStart = m.impactStartedAt ?? m.detectedAt ?? m.declaredAt;
  return {
    ttaSeconds: seconds(m.detectedAt ?? m.declaredAt, m.acknowledgedAt),
    ttmSeconds: seconds(troubleStart, m.mitigatedAt),
    ttrSeconds: seconds(troubleStart, m.resolvedAt),
    impactSeconds: seconds(m.impactStartedAt, m.mitigatedAt ?? m.resolvedAt),
  };
}

/** "2h 05m", "4m 10s", "35s": compact enough for a header at phone width. */
export function formatDuration(totalSeconds: number | null): string {
  if (totalSeconds === null) return "—";
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const secs = totalSeconds % 60;
  if (days) return `${days}d ${hours}h`;
  if (hours) return `${hours}h ${String(minutes).padStart(2, "0")}m`;
  if (minutes) return `${minutes}m ${String(secs).padStart(2, "0")}s`;
  return `${secs}s`;
}
