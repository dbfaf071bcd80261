"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import { parseLabels } from "./matcher-rows";

/** Alerts on the incident (their labels drive suggestions) and a small form to attach one by hand. */
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
  const list = alerts.data ?? [];
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-medium">Alerts</h3>
        {canWrite && !isOpen ? (
          <Button type="button" size="sm" variant="outline" onClick={() => setOpen(true)}>
            Attach alert
          </Button>
        ) : null}
      </div>
      {list.length === 0 ? <p className="text-sm text-muted-foreground">No alerts attached.</p> : null}
      <ul className="grid gap-1 text-sm" aria-label="Alerts">
        {list.map((alert) => (
          <li key={alert.id} className="grid gap-0.5">
            <span className="break-words">{alert.title}</span>
            <span className="flex flex-wrap gap-1">
              {Object.entries(alert.labels).map(([k, v]) => (
                <code key={k} className="rounded bg-muted px-1 text-xs break-all">
                  {k}={v}
                </code>
              ))}
            </span>
          </li>
        ))}
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
