"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { isClosedOut, statusLabels, type IncidentStatus } from "@/lib/incident-lifecycle";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import { AttachAnyRunbook } from "./attach-any-runbook";
import { FreshnessBadge } from "./freshness-badge";
import { IncidentAlerts } from "./incident-alerts";
import { RunChecklist } from "./run-checklist";
import { RunbookFeedbackPrompt } from "./runbook-feedback-prompt";

type PanelIncident = { id: string; status: IncidentStatus; canWrite: boolean };

/**
 * The top of the incident page: runbooks that fit this incident (and why), the attached ones in run
 * mode, its alerts. Kept current by the incident's live feed (components/incidents/live/apply-message.ts reloads these queries when a runbook or alert event arrives).
 */
export function IncidentRunbooksPanel({ incident }: { incident: PanelIncident }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const incidentId = incident.id;
  const attached = useQuery(trpc.runbooks.attachedToIncident.queryOptions({ incidentId }));
  const suggestions = useQuery(trpc.runbooks.suggestionsForIncident.queryOptions({ incidentId }));
  const attach = useMutation(
    trpc.runbooks.attach.mutationOptions({
      onSuccess: async () => {
        toast.success("Runbook attached");
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.runbooks.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.incidents.timeline.pathKey() })]);
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const isOver = incident.status === "resolved" || incident.status === "closed";
  // The server refuses run changes once the incident is closed out; offer none.
  const canRun = incident.canWrite && !isClosedOut(incident.status);
  const open = (suggestions.data ?? []).filter((s) => !s.attached);

  return (
    <Card>
      <CardHeader className="pb-2 sm:pb-3">
        <CardTitle as="h2" className="text-base">
          Runbooks
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {isOver && incident.canWrite ? <RunbookFeedbackPrompt incidentId={incidentId} /> : null}
        {incident.canWrite && !canRun ? (
          <p className="text-sm text-muted-foreground">This incident is {statusLabels[incident.status].toLowerCase()}: its runbook steps are final. Reopen it to change them.</p>
        ) : null}
        {attached.isPending ? <Spinner label="Loading attached runbooks" /> : null}
        {attached.isError ? (
          <p role="alert" className="text-sm text-destructive">
            {errorMessage(attached.error)}
          </p>
        ) : null}
        {attached.data?.length ? (
          <div className="grid gap-3 md:grid-cols-2">
            {attached.data.map((item) => (
              <RunChecklist key={item.incidentRunbookId} attached={item} incidentId={incidentId} canWrite={canRun} />
            ))}
          </div>
        ) : null}
        <section aria-labelledby={`suggested-${incidentId}`} className="grid gap-2">
          <h3 id={`suggested-${incidentId}`} className="text-sm font-medium">
            Suggested
          </h3>
          {suggestions.isError ? (
            <p role="alert" className="text-sm text-destructive">
              {errorMessage(suggestions.error)}
            </p>
          ) : null}
          {suggestions.data && open.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              {suggestions.data.length ? "Every suggested runbook is attached." : "No runbook matches this incident's services, kind or alerts yet."}{" "}
              <Link href="/runbooks" className="underline">
                Browse runbooks
              </Link>
            </p>
          ) : null}
          <ul className="grid gap-2" aria-label="Suggested runbooks">
            {open.map(({ runbook, reasons }) => (
              <li key={runbook.id} className="grid gap-1 rounded-md border border-border p-3 text-sm sm:grid-cols-[1fr_auto] sm:items-center" data-testid="suggested-runbook">
                <div className="grid min-w-0 gap-1">
                  <span className="flex flex-wrap items-center gap-2">
                    <Link href={`/runbooks/${runbook.id}`} className="font-medium break-words hover:underline">
                      {runbook.title}
                    </Link>
                    <FreshnessBadge freshness={runbook.freshness} />
                  </span>
                  <ul className="flex flex-wrap gap-x-3 text-xs text-muted-foreground" aria-label={`Why “${runbook.title}” is suggested`}>
                    {reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </div>
                {canRun ? (
                  <Button type="button" size="sm" aria-label={`Attach ${runbook.title}`} disabled={attach.isPending} onClick={() => attach.mutate({ incidentId, runbookId: runbook.id })}>
                    Attach
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
        {canRun ? <AttachAnyRunbook incidentId={incidentId} attachedIds={new Set(attached.data?.map((item) => item.runbook.id))} /> : null}
        <IncidentAlerts incidentId={incidentId} canWrite={incident.canWrite} />
      </CardContent>
    </Card>
  );
}
