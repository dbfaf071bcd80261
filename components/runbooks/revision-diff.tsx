"use client";

import { useQuery } from "@tanstack/react-query";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

const lineStyles = {
  added: { sign: "+", label: "Added: ", className: "bg-green-100 text-green-950 dark:bg-green-950/60 dark:text-green-100" },
  removed: { sign: "−", label: "Removed: ", className: "bg-red-100 text-red-950 line-through decoration-red-900/40 dark:bg-red-950/60 dark:text-red-100 dark:decoration-red-100/40" },
  same: { sign: " ", label: "", className: "text-muted-foreground" },
} as const;

/** The changes between two revisions, line by line; colour is backed by a sign and a spoken label. */
export function RevisionDiff({ runbookId, from, to }: { runbookId: string; from: number; to: number }) {
  const trpc = useTRPC();
  const diff = useQuery(trpc.runbooks.diff.queryOptions({ id: runbookId, from, to }));
  if (diff.isPending) return <Spinner label="Comparing revisions" />;
  if (diff.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        {errorMessage(diff.error)}
      </p>
    );
  const { title, summary, lines } = diff.data;
  const changed = lines.some((line) => line.kind !== "same") || title || summary;
  return (
    <section aria-label={`Changes from revision ${from} to revision ${to}`} className="grid gap-3" data-testid="revision-diff">
      {title ? <FieldChange name="Title" from={title.from} to={title.to} /> : null}
      {summary ? <FieldChange name="Summary" from={summary.from} to={summary.to} /> : null}
      {!changed ? <p className="text-sm text-muted-foreground">No differences.</p> : null}
      <ol className="overflow-hidden rounded-md border border-border font-mono text-sm" aria-label="Body lines">
        {lines.map((line, index) => {
          const style = lineStyles[line.kind];
          return (
            <li key={index} className={cn("flex gap-2 px-2 py-0.5 whitespace-pre-wrap break-words", style.className)} data-kind={line.kind}>
              <span aria-hidden className="w-3 shrink-0 select-none">
                {style.sign}
              </span>
              <span className="min-w-0">
                {style.label ? <span className="sr-only">{style.label}</span> : null}
                {line.text || " "}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function FieldChange({ name, from, to }: { name: string; from: string; to: string }) {
  return (
    <dl className="grid gap-1 text-sm">
      <dt className="font-medium">{name} changed</dt>
      <dd className={cn("rounded px-2 py-0.5 break-words", lineStyles.removed.className)}>
        <span className="sr-only">Removed: </span>
        {from || "(empty)"}
      </dd>
      <dd className={cn("rounded px-2 py-0.5 break-words", lineStyles.added.className)}>
        <span className="sr-only">Added: </span>
        {to || "(empty)"}
      </dd>
    </dl>
  );
}
