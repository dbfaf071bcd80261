"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useId, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

const SHOWN = 8;

/**
 * Any runbook, not only the suggested ones: search by title or text and attach. The suggestions
 * know services, kinds and alerts; the responder knows the rest.
 */
export function AttachAnyRunbook({ incidentId, attachedIds }: { incidentId: string; attachedIds: Set<string> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [query, setQuery] = useState("");
  const q = useDeferredValue(query.trim());
  const results = useQuery({ ...trpc.runbooks.list.queryOptions({ q }), enabled: q.length > 0 });
  const attach = useMutation(
    trpc.runbooks.attach.mutationOptions({
      onSuccess: async () => {
        toast.success("Runbook attached");
        setQuery("");
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.runbooks.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.incidents.timeline.pathKey() })]);
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const found = (results.data?.items ?? []).slice(0, SHOWN);
  return (
    <section className="grid gap-2" aria-label="Attach any runbook">
      <Label htmlFor={inputId}>Find a runbook to attach</Label>
      <Input id={inputId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Title or words in its steps" autoComplete="off" />
      {results.isError ? (
        <p role="alert" className="text-sm text-destructive">
          {errorMessage(results.error)}
        </p>
      ) : null}
      {q && results.data ? (
        <ul className="grid gap-1" aria-label="Runbooks found" aria-live="polite">
          {found.length === 0 ? <li className="text-sm text-muted-foreground">No runbook matches “{q}”.</li> : null}
          {found.map((runbook) => (
            <li key={runbook.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-border px-3 py-2 text-sm">
              <span className="min-w-0 break-words">{runbook.title}</span>
              {attachedIds.has(runbook.id) ? (
                <span className="text-xs text-muted-foreground">Attached</span>
              ) : (
                <Button type="button" size="sm" variant="outline" disabled={attach.isPending} onClick={() => attach.mutate({ incidentId, runbookId: runbook.id })}>
                  Attach<span className="sr-only"> {runbook.title}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
