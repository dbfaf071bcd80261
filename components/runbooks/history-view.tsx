"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import { RevisionDiff } from "./revision-diff";
import { RevisionPreview } from "./revision-preview";
import { formatDateTime } from "@/lib/time-format";

export function HistoryView({ runbookId, canEdit }: { runbookId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const runbook = useQuery(trpc.runbooks.get.queryOptions({ id: runbookId }));
  const revisions = useQuery(trpc.runbooks.revisions.queryOptions({ id: runbookId }));
  const [picked, setPicked] = useState<{ from: number | null; to: number | null }>({ from: null, to: null });
  const [viewing, setViewing] = useState<number | null>(null);
  const restore = useMutation(
    trpc.runbooks.restore.mutationOptions({
      onSuccess: async (result) => {
        toast.success(`Restored as revision ${result.revision}`);
        await queryClient.invalidateQueries({ queryKey: trpc.runbooks.pathKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  if (revisions.isPending || runbook.isPending) return <Spinner label="Loading history" />;
  if (revisions.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(revisions.error)}
      </p>
    );
  if (runbook.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(runbook.error)}
      </p>
    );
  const list = [...revisions.data].sort((a, b) => b.number - a.number);
  const newest = list[0]?.number ?? 1;
  // Default: what the latest save changed.
  const to = picked.to ?? newest;
  const from = picked.from ?? Math.max(1, to - 1);

  return (
    <div className="grid gap-6">
      <Link href={`/runbooks/${runbookId}`} className="text-sm text-muted-foreground hover:text-foreground">
        ← {runbook.data.title}
      </Link>
      <h1 className="text-2xl font-semibold">History</h1>
      <ol className="divide-y divide-border rounded-lg border border-border bg-card" aria-label="Revisions">
        {list.map((revision) => (
          <li key={revision.number} className="grid gap-2 p-3 text-sm sm:grid-cols-[1fr_auto] sm:items-center" data-testid="revision-row">
            <div className="grid min-w-0 gap-0.5">
              <span className="font-medium">
                Revision {revision.number}
                {revision.number === runbook.data.revision ? " (current)" : ""}
              </span>
              <span className="break-words">
                {revision.note || "No note"}
                {revision.restoredFrom ? ` — restored from revision ${revision.restoredFrom}` : ""}
              </span>
              <span className="text-xs text-muted-foreground">
                {revision.author.name}, {formatDateTime(revision.createdAt)}
              </span>
            </div>
            <div className="flex flex-wrap gap-2">
              <Button type="button" size="sm" variant="outline" aria-expanded={viewing === revision.number} onClick={() => setViewing(viewing === revision.number ? null : revision.number)}>
                {/* The name starts with the visible words (axe: label-content-name-mismatch); the rest is for screen readers. */}
                {viewing === revision.number ? "Hide" : "View"}
                <span className="sr-only"> revision {revision.number}</span>
              </Button>
              <Button type="button" size="sm" variant="outline" onClick={() => setPicked({ from: revision.number, to: runbook.data.revision })} disabled={revision.number === runbook.data.revision}>
                Compare with current<span className="sr-only"> (revision {revision.number})</span>
              </Button>
              {canEdit && revision.number !== runbook.data.revision ? (
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  disabled={restore.isPending}
                  onClick={() => restore.mutate({ id: runbookId, number: revision.number, baseRevision: runbook.data.revision })}
                >
                  Restore<span className="sr-only"> revision {revision.number}</span>
                </Button>
              ) : null}
            </div>
            {viewing === revision.number ? (
              <div className="sm:col-span-2">
                <RevisionPreview runbookId={runbookId} number={revision.number} />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {list.length > 1 ? (
        <section className="grid gap-3" aria-labelledby="compare-heading">
          <h2 id="compare-heading" className="text-lg font-semibold">
            Compare
          </h2>
          <div className="flex flex-wrap items-end gap-3">
            <RevisionPicker label="From revision" value={from} numbers={list.map((r) => r.number)} onChange={(n) => setPicked({ from: n, to })} />
            <RevisionPicker label="To revision" value={to} numbers={list.map((r) => r.number)} onChange={(n) => setPicked({ from, to: n })} />
          </div>
          {from === to ? <p className="text-sm text-muted-foreground">Pick two different revisions.</p> : <RevisionDiff runbookId={runbookId} from={from} to={to} />}
        </section>
      ) : (
        <p className="text-sm text-muted-foreground">Only one revision so far.</p>
      )}
    </div>
  );
}

function RevisionPicker({ label, value, numbers, onChange }: { label: string; value: number; numbers: number[]; onChange: (n: number) => void }) {
  const id = `picker-${label.replace(/\s/g, "-").toLowerCase()}`;
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} wrapperClassName="w-40" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {numbers.map((n) => (
          <option key={n} value={n}>
            Revision {n}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
