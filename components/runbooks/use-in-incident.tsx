"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Siren } from "lucide-react";
import { useRouter } from "next/navigation";
import { useDeferredValue, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { openStatuses, statusLabels } from "@/lib/incident-lifecycle";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

// Runbooks run while an incident is open or just resolved (server/runbooks/run-state.ts).
const runnable = [...openStatuses, "resolved" as const];

/** "Use in incident…": pick an incident that is still running, attach this runbook, go there. */
export function UseInIncident({ runbook }: { runbook: { id: string; title: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [isOpen, setOpen] = useState(false);
  const [text, setText] = useState("");
  const search = useDeferredValue(text.trim());
  const incidents = useQuery({ ...trpc.incidents.list.queryOptions({ statuses: runnable, ...(search ? { text: search } : {}), limit: 10 }), enabled: isOpen });
  const attach = useMutation(
    trpc.runbooks.attach.mutationOptions({
      onSuccess: async (_result, input) => {
        toast.success(`“${runbook.title}” attached`);
        await queryClient.invalidateQueries({ queryKey: trpc.runbooks.pathKey() });
        setOpen(false);
        router.push(`/incidents/${input.incidentId}`);
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          <Siren aria-hidden /> Use in incident…
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Use in an incident</DialogTitle>
          <DialogDescription>Attaches this runbook's current revision to the incident, where its steps can be ticked off.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-1">
          <Label htmlFor="use-in-incident-search">Find an incident</Label>
          <Input id="use-in-incident-search" type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder="Title or INC number" autoComplete="off" />
        </div>
        {incidents.isPending ? <Spinner label="Loading incidents" /> : null}
        {incidents.isError ? (
          <p role="alert" className="text-sm text-destructive">
            {errorMessage(incidents.error)}
          </p>
        ) : null}
        {incidents.data ? (
          <ul className="grid max-h-80 gap-1 overflow-y-auto" aria-label="Running incidents">
            {incidents.data.incidents.length === 0 ? <li className="text-sm text-muted-foreground">No open or just-resolved incident matches.</li> : null}
            {incidents.data.incidents.map((incident) => (
              <li key={incident.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-border px-3 py-2 text-sm">
                <span className="min-w-0 break-words">
                  <span className="font-mono text-muted-foreground">{incident.reference}</span> {incident.title}{" "}
                  <span className="text-xs text-muted-foreground">({statusLabels[incident.status].toLowerCase()})</span>
                </span>
                <Button type="button" size="sm" disabled={attach.isPending} onClick={() => attach.mutate({ incidentId: incident.id, runbookId: runbook.id })}>
                  Use here<span className="sr-only"> ({incident.reference})</span>
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
