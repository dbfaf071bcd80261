"use client";

import { useQuery } from "@tanstack/react-query";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import { RunbookBody } from "./runbook-body";

/** One old revision as it read then: title, summary and body, through the same allow-list renderer. */
export function RevisionPreview({ runbookId, number }: { runbookId: string; number: number }) {
  const trpc = useTRPC();
  const revision = useQuery(trpc.runbooks.revision.queryOptions({ id: runbookId, number }));
  if (revision.isPending) return <Spinner label={`Loading revision ${number}`} />;
  if (revision.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        {errorMessage(revision.error)}
      </p>
    );
  return (
    <section aria-label={`Revision ${number} as saved`} className="grid gap-2 rounded-md border border-dashed border-border bg-background p-3" data-testid="revision-preview">
      <h3 className="font-semibold">{revision.data.title}</h3>
      {revision.data.summary ? <p className="text-sm text-muted-foreground">{revision.data.summary}</p> : null}
      <RunbookBody body={revision.data.body} />
    </section>
  );
}
