import { Lock } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import type { IncidentKind, IncidentStatus } from "@/lib/incident-lifecycle";
import { RelativeTime } from "./relative-time";
import { SeverityBadge } from "./severity-badge";
import { StatusBadge } from "./status-badge";

export type IncidentSummary = {
  id: string;
  reference: string;
  title: string;
  status: IncidentStatus;
  kind: IncidentKind;
  isPrivate: boolean;
  severity: { id: number; name: string; rank: number };
  commander: { id: string; name: string } | null;
  services: { id: string; name: string }[];
  declaredAt: Date;
};

// One markup for both layouts: a stacked card on phones, a grid row from md up. The meta wrapper
// is `md:contents` so its cells become grid columns on wide screens and a wrapping line on phones.
export const rowGridClasses = "md:grid md:grid-cols-[minmax(0,1fr)_8rem_10rem_8rem] md:items-center md:gap-4";

export function IncidentRow({ incident, now }: { incident: IncidentSummary; now: number }) {
  return (
    <li className={`relative grid gap-2 px-4 py-3 transition-colors focus-within:bg-muted/50 hover:bg-muted/50 ${rowGridClasses}`}>
      <div className="grid min-w-0 gap-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-mono text-xs text-muted-foreground">{incident.reference}</span>
          <SeverityBadge severity={incident.severity} />
          {incident.kind === "drill" ? <Badge variant="secondary">Drill</Badge> : null}
          {incident.isPrivate ? (
            <span className="inline-flex text-muted-foreground" title="Private — only participants and admins can see it">
              <Lock aria-hidden className="size-3.5" />
              <span className="sr-only">Private</span>
            </span>
          ) : null}
        </div>
        {/* The stretched link makes the whole row a target without nesting interactive elements. */}
        <Link
          href={`/incidents/${incident.id}`}
          className="font-medium break-words after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:outline-hidden focus-visible:after:ring-2 focus-visible:after:ring-ring focus-visible:after:ring-inset"
        >
          {incident.title}
        </Link>
        {incident.services.length > 0 ? (
          <p className="text-xs break-words text-muted-foreground">
            <span className="sr-only">Services: </span>
            {incident.services.map((service) => service.name).join(", ")}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm md:contents">
        <div>
          <StatusBadge status={incident.status} />
        </div>
        <div className="min-w-0 truncate">
          <span className="text-muted-foreground md:sr-only">Commander: </span>
          {incident.commander?.name ?? <span className="text-muted-foreground">Unassigned</span>}
        </div>
        <div className="text-muted-foreground">
          <span className="md:sr-only">Declared </span>
          <RelativeTime date={incident.declaredAt} now={now} />
        </div>
      </div>
    </li>
  );
}

/** Column headings for wide screens; each cell carries its own label for phones and screen readers. */
export function IncidentRowHeadings() {
  return (
    <div aria-hidden className={`hidden border-b border-border px-4 py-2 text-xs font-medium text-muted-foreground ${rowGridClasses}`}>
      <span>Incident</span>
      <span>Status</span>
      <span>Commander</span>
      <span>Declared</span>
    </div>
  );
}

export function IncidentRowSkeleton() {
  return (
    <div className={`grid gap-2 px-4 py-3 ${rowGridClasses}`}>
      <div className="grid gap-2">
        <Skeleton className="h-4 w-32" />
        <Skeleton className="h-5 w-full max-w-md" />
      </div>
      <Skeleton className="h-5 w-24" />
      <Skeleton className="h-5 w-28" />
      <Skeleton className="h-5 w-20" />
    </div>
  );
}
