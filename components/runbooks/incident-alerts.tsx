"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import { AlertStatusBadge, TierBadge } from "@/components/alerts/alert-badges";
import { RelativeTime } from "@/components/incidents/relative-time";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { useNow } from "@/lib/hooks/use-now";
import { parseLabels } from "./matcher-rows";

// Alerts received this recently stand out: they are what changed since the responder last looked.
const NEW_FOR_MS = 15 * 60_000;

/**
 * Alerts on the incident (their labels drive suggestions), still-firing ones first, and a small form
 * to attach one by hand. Live: alert.* timeline events refetch it (components/incidents/live).
 */
export function IncidentAlerts({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const alerts = useQuery(trpc.runbooks.alertsForIncident.queryOptions({ incidentId }));
  const [isOpen, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [labels, setLabels] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const attach = useMutation(
    trpc.runbooks.attachAlert.mutationOptions({
      onSuccess: async () => {
        toast.success("Alert attached");
        setTitle("");
        setLabels("");
        setOpen(false);
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.runbooks.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.incidents.timeline.pathKey() })]);
      },
      onError: (error) => setProblem(errorMessage(error)),
    }),
  );
  const now = useNow(15_000);
  const list = alerts.data ?? [];
  const firingCount = list.filter((alert) => alert.status === "firing").length;
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="flex items-center gap-2 text-sm font-medium">
          Alerts
          {firingCount > 0 ? (
            <Badge variant="destructive" data-testid="firing-count">
              {firingCount} firing
            </Badge>
          ) : null}
        </h3>
        {canWrite && !isOpen ? (
          <Button type="button" size="sm" variant="outline" onClick={() => setOpen(true)}>
            Attach alert
          </Button>
        ) : null}
      </div>
      {list.length === 0 ? <p className="text-sm text-muted-foreground">No alerts attached.</p> : null}
      <ul className="grid gap-1 text-sm" aria-label="Alerts">
        {list.map((alert) => {
          const isNew = now - alert.firedAt.getTime() < NEW_FOR_MS;
          return (
            <li key={alert.id} className={cn("grid gap-1 rounded-md border border-transparent p-1.5", isNew && "border-primary/40 bg-primary/5")}>
              <span className="flex flex-wrap items-center gap-1.5">
                {alert.status ? <AlertStatusBadge status={alert.status} /> : null}
                {alert.tier ? <TierBadge tier={alert.tier} /> : null}
                {isNew ? <Badge variant="outline">New</Badge> : null}
              </span>
              {alert.alertId ? (
                <Link
                  href={`/alerts/${alert.alertId}`}
                  className="w-fit rounded-sm break-words underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden"
                >
                  {alert.title}
                </Link>
              ) : (
                <span className="break-words">{alert.title}</span>
              )}
              {alert.lastSeenAt ? (
                <span className="text-xs text-muted-foreground">
                  {alert.occurrences === 1 ? "1 occurrence" : `${alert.occurrences} occurrences`}, last seen <RelativeTime date={alert.lastSeenAt} now={now} />
                </span>
              ) : (
                <span className="text-xs text-muted-foreground">
                  {alert.attachedBy ? "Attached" : "Received"} <RelativeTime date={alert.firedAt} now={now} />
                </span>
              )}
              <span className="flex flex-wrap gap-1">
                {Object.entries(alert.labels).map(([k, v]) => (
                  <code key={k} className="rounded bg-muted px-1 text-xs break-all">
                    {k}={v}
                  </code>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
      {isOpen ? (
        <form
          className="grid gap-2 rounded-md border border-border p-3"
          aria-label="Attach an alert"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = parseLabels(labels);
            if (parsed.error) return setProblem(parsed.error);
            setProblem(null);
            attach.mutate({ incidentId, title, labels: parsed.labels });
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-title`}>Alert title</Label>
            <Input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-labels`}>Labels</Label>
            <Input id={`${id}-labels`} value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="alertname=HighErrorRate, service=checkout" className="font-mono" />
          </div>
          {problem ? (
            <p role="alert" className="text-sm text-destructive">
              {problem}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={attach.isPending}>
              Attach
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
