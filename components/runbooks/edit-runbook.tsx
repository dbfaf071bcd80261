"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import { RunbookForm } from "./runbook-form";

/** Loads the current revision once; the form then owns the text until it is saved. */
export function EditRunbook({ runbookId }: { runbookId: string }) {
  const trpc = useTRPC();
  const runbook = useQuery({ ...trpc.runbooks.get.queryOptions({ id: runbookId }), refetchOnWindowFocus: false });
  if (runbook.isPending) return <Spinner label="Loading runbook" />;
  if (runbook.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(runbook.error)}
      </p>
    );
  const data = runbook.data;
  return (
    <div className="grid gap-6">
      <Link href={`/runbooks/${runbookId}`} className="text-sm text-muted-foreground hover:text-foreground">
        ← {data.title}
      </Link>
      <h1 className="text-2xl font-semibold">Edit runbook</h1>
      <p className="text-sm text-muted-foreground">Editing revision {data.revision}. Saving makes a new revision; the old one stays in the history.</p>
      <RunbookForm
        key={data.id}
        mode={{ kind: "edit", runbookId: data.id, baseRevision: data.revision }}
        initial={{
          title: data.title,
          summary: data.summary,
          body: data.body,
          ownerTeamId: data.ownerTeam?.id ?? null,
          serviceIds: data.services.map((s) => s.id),
          incidentKinds: data.incidentKinds,
          severityIds: data.severityIds,
          alertMatchers: data.alertMatchers,
          reviewIntervalDays: data.reviewIntervalDays,
        }}
      />
    </div>
  );
}
