"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect } from "react";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import type { IncidentOutput } from "@/server/incidents/outputs";
import { DetailsEditor } from "./details-editor";
import { IncidentHeader } from "./incident-header";
import { MilestonesPanel } from "./milestones-panel";
import { NextActions } from "./next-actions";
import { PeoplePanel } from "./people-panel";
import { PostMortemLink } from "./post-mortem-link";
import { PresenceStrip } from "./presence-strip";
import { RolesPanel } from "./roles-panel";
import { ShortcutsHelp } from "./shortcuts-help";
import { TimeZoneProvider } from "./time-zone";
import { Timeline } from "./timeline";
import { useIncidentLive } from "./use-incident-live";

// Runbooks are a panel of their own (checklists, rendered runbook bodies): a separate chunk, fetched
// as this module runs, while the incident itself is still loading.
const loadRunbooksPanel = () => import("@/components/runbooks/incident-runbooks-panel").then((module) => module.IncidentRunbooksPanel);
const runbooksPanelLoading = typeof window === "undefined" ? null : loadRunbooksPanel();
const IncidentRunbooksPanel = dynamic(() => runbooksPanelLoading ?? loadRunbooksPanel(), { ssr: false });
// Likewise the action items panel (its list and its dialog).
const loadActionItemsPanel = () => import("./action-items-panel").then((module) => module.ActionItemsPanel);
const actionItemsPanelLoading = typeof window === "undefined" ? null : loadActionItemsPanel();
const ActionItemsPanel = dynamic(() => actionItemsPanelLoading ?? loadActionItemsPanel(), { ssr: false });

export function IncidentView({ incidentId, currentUserId }: { incidentId: string; currentUserId: string }) {
  const trpc = useTRPC();
  const incident = useQuery(trpc.incidents.get.queryOptions({ incidentId }));
  if (incident.isPending) return <Spinner label="Loading incident" />;
  if (incident.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(incident.error)}
      </p>
    );
  return <LiveIncident incident={incident.data} currentUserId={currentUserId} />;
}

function LiveIncident({ incident, currentUserId }: { incident: IncidentOutput; currentUserId: string }) {
  const { connection, isDatabaseReachable } = useIncidentLive(incident.id, incident.lastEventSeq);
  // Arriving with focus nowhere (just declared, or the clicked link is gone): start at the title,
  // so the keyboard and screen readers begin on this incident rather than at the top of <body>.
  const incidentId = incident.id;
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) document.getElementById("incident-title")?.focus();
  }, [incidentId]);
  return (
    <TimeZoneProvider>
      <div className="grid gap-6">
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <Link href="/incidents" className="text-muted-foreground hover:text-foreground">
            ← All incidents
          </Link>
          <div className="flex items-center gap-3">
            <ShortcutsHelp canWrite={incident.canWrite} />
            <PresenceStrip incidentId={incident.id} />
            <span className="text-xs text-muted-foreground" role="status" data-testid="live-status">
              {!isDatabaseReachable ? "Paused" : connection === "live" ? "● Live" : connection === "connecting" ? "Connecting…" : "Reconnecting…"}
            </span>
          </div>
        </div>
        {isDatabaseReachable ? null : (
          <p role="alert" className="rounded-md border border-warning/60 bg-warning/10 px-3 py-2 text-sm">
            Daytwo cannot reach its database; retrying. What you see may be out of date, and changes cannot be saved until it is back: this page catches up by itself.
          </p>
        )}
        <IncidentHeader incident={incident} />
        <div className="flex flex-wrap items-start justify-between gap-2">
          <NextActions incident={incident} />
          <PostMortemLink incident={incident} currentUserId={currentUserId} />
        </div>
        <IncidentRunbooksPanel incident={incident} />
        <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
          <Timeline incident={incident} />
          <div className="grid content-start gap-6">
            <RolesPanel incident={incident} currentUserId={currentUserId} />
            <PeoplePanel incident={incident} />
            <ActionItemsPanel incident={incident} />
            <DetailsEditor incident={incident} />
            <MilestonesPanel incident={incident} />
          </div>
        </div>
      </div>
    </TimeZoneProvider>
  );
}
