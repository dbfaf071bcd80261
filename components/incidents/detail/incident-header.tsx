"use client";

import { Lock, Timer } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { statusLabels } from "@/lib/incident-lifecycle";
import { formatDuration } from "@/lib/incident-metrics";
import type { IncidentOutput } from "@/server/incidents/outputs";
import { FollowButton } from "@/components/follows/follow-button";
import { SeverityBadge } from "../severity-badge";
import { StatusBadge } from "../status-badge";
import { TickingDuration } from "./duration";

const statusFocusId = "incident-status-focus";

/** After a status change the button that made it is gone: the status it led to takes the focus. */
export const incidentStatusElement = () => document.getElementById(statusFocusId);
export const focusIncidentStatus = () => incidentStatusElement()?.focus();

export function IncidentHeader({ incident }: { incident: IncidentOutput }) {
  const commander = incident.roles.find((role) => role.key === "commander")?.holder;
  const troubleStart = incident.milestones.impactStartedAt ?? incident.milestones.declaredAt;
  const metrics: [string, string, number | null][] = [
    ["TTA", "Time to acknowledge", incident.metrics.ttaSeconds],
    ["TTM", "Time to mitigate", incident.metrics.ttmSeconds],
    ["TTR", "Time to resolve", incident.metrics.ttrSeconds],
    ["Impact", "Impact duration", incident.metrics.impactSeconds],
  ];
  return (
    <header className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-mono text-muted-foreground">{incident.reference}</span>
        <span id={statusFocusId} tabIndex={-1} className="rounded-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden">
          <span className="sr-only">Status: </span>
          <span data-testid="incident-status">
            <StatusBadge status={incident.status} />
          </span>
        </span>
        <span data-testid="incident-severity" title={incident.severity.description}>
          <SeverityBadge severity={incident.severity} />
        </span>
        {incident.kind === "drill" ? <Badge variant="outline">Drill</Badge> : null}
        {incident.isPrivate ? (
          <Badge variant="outline">
            <Lock className="size-3" aria-hidden /> Private
          </Badge>
        ) : null}
        <span className="ml-auto flex items-center gap-1 text-muted-foreground" title="Duration so far">
          <Timer className="size-4" aria-hidden /> <span className="sr-only">Duration</span> <TickingDuration from={troubleStart} until={incident.milestones.resolvedAt} />
        </span>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h1 id="incident-title" tabIndex={-1} className="text-2xl font-semibold leading-tight focus-visible:outline-hidden">
          {incident.title}
        </h1>
        <FollowButton kind="incident" id={incident.id} name={incident.reference} />
      </div>
      {incident.mergedInto ? (
        <p className="text-sm">
          Merged into{" "}
          <Link className="underline" href={`/incidents/${incident.mergedInto.id}`}>
            {incident.mergedInto.reference}
          </Link>
          {incident.closingReason ? ` — ${incident.closingReason}` : null}
        </p>
      ) : incident.closingReason ? (
        <p className="text-sm text-muted-foreground">
          {statusLabels[incident.status]}: {incident.closingReason}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:flex sm:flex-wrap">
        <div className="flex gap-1">
          <dt className="text-muted-foreground">Commander</dt>
          <dd data-testid="incident-commander">{commander?.name ?? "nobody"}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-muted-foreground">Services</dt>
          <dd>{incident.services.map((s) => s.name).join(", ") || "none"}</dd>
        </div>
        {metrics.map(([short, long, value]) => (
          <div key={short} className="flex gap-1">
            <dt className="text-muted-foreground">
              <abbr title={long}>{short}</abbr>
            </dt>
            <dd className="tabular-nums" data-testid={`metric-${short.toLowerCase()}`}>
              {formatDuration(value)}
            </dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
