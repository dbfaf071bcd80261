import Link from "next/link";
import { RelativeTime } from "@/components/incidents/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import type { AlertStatus, AlertTier } from "@/lib/alerts";
import { AlertStatusBadge, TierBadge } from "./alert-badges";

export type AlertSummary = {
  id: string;
  title: string;
  status: AlertStatus;
  tier: AlertTier;
  source: { id: string; name: string };
  labels: Record<string, string>;
  occurrences: number;
  lastSeenAt: Date;
  incident: { id: string; reference: string; title: string } | null;
};

// The labels that usually say what is affected, in this order; the severity is already the tier badge.
const keyLabelOrder = ["service", "alertname", "env", "environment", "cluster", "namespace", "instance", "job", "region"];

export function keyLabels(labels: Record<string, string>, max = 3): [string, string][] {
  const rank = (name: string) => {
    const at = keyLabelOrder.indexOf(name);
    return at === -1 ? keyLabelOrder.length : at;
  };
  return Object.entries(labels)
    .filter(([name]) => name !== "severity")
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .slice(0, max);
}

export const alertRowGrid = "md:grid md:grid-cols-[minmax(0,1fr)_6rem_8rem_8rem] md:items-center md:gap-4";

export function AlertRow({ alert, now }: { alert: AlertSummary; now: number }) {
  return (
    <li className={`grid gap-2 px-4 py-3 transition-colors focus-within:bg-muted/50 hover:bg-muted/50 ${alertRowGrid}`}>
      <div className="grid min-w-0 gap-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <TierBadge tier={alert.tier} />
          <AlertStatusBadge status={alert.status} />
          <span className="text-xs text-muted-foreground">
            <span className="sr-only">Source: </span>
            {alert.source.name}
          </span>
        </div>
        {/* Not stretched over the row: the row holds a second link (its incident), which must stay clickable. */}
        <Link href={`/alerts/${alert.id}`} className="w-fit rounded-sm font-medium break-words hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden">
          {alert.title}
        </Link>
        {Object.keys(alert.labels).length > 0 ? (
          <p className="flex flex-wrap gap-1">
            <span className="sr-only">Labels: </span>
            {keyLabels(alert.labels).map(([name, value]) => (
              <code key={name} className="rounded bg-muted px-1 text-xs break-all">
                {name}={value}
              </code>
            ))}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm md:contents">
        <div className="tabular-nums">
          {alert.occurrences}
          <span className="text-muted-foreground md:sr-only"> {alert.occurrences === 1 ? "occurrence" : "occurrences"}</span>
        </div>
        <div className="text-muted-foreground">
          <span className="md:sr-only">Last seen </span>
          <RelativeTime date={alert.lastSeenAt} now={now} />
        </div>
        <div className="min-w-0">
          {alert.incident ? (
            <Link
              href={`/incidents/${alert.incident.id}`}
              title={alert.incident.title}
              className="inline-block font-mono text-xs underline-offset-2 hover:underline focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden"
            >
              <span className="sr-only">Incident </span>
              {alert.incident.reference}
            </Link>
          ) : (
            <span className="text-xs text-muted-foreground md:sr-only">No incident</span>
          )}
        </div>
      </div>
    </li>
  );
}

export function AlertRowHeadings() {
  return (
    <div aria-hidden className={`hidden border-b border-border px-4 py-2 text-xs font-medium text-muted-foreground ${alertRowGrid}`}>
      <span>Alert</span>
      <span>Occurrences</span>
      <span>Last seen</span>
      <span>Incident</span>
    </div>
  );
}

export function AlertRowSkeleton() {
  return (
    <div className={`grid gap-2 px-4 py-3 ${alertRowGrid}`}>
      <div className="grid gap-2">
        <Skeleton className="h-4 w-32" />
        <Skeleton className="h-5 w-full max-w-md" />
      </div>
      <Skeleton className="h-5 w-10" />
      <Skeleton className="h-5 w-20" />
      <Skeleton className="h-5 w-16" />
    </div>
  );
}
