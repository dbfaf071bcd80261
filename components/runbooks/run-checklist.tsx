"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import type { AppRouter } from "@/server/trpc/root";
import { formatTimeOfDay } from "@/lib/time-format";

export type AttachedRunbook = inferRouterOutputs<AppRouter>["runbooks"]["attachedToIncident"][number];

/** Run mode: an attached runbook's steps as a checklist. Each tick is a timeline event on the server. */
export function RunChecklist({ attached, incidentId, canWrite }: { attached: AttachedRunbook; incidentId: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.runbooks.attachedToIncident.queryKey({ incidentId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.incidents.timeline.pathKey() }),
    ]);
  // The tick shows in the same event as the click (a controlled checkbox reverts otherwise), and
  // stays until the refetched run state has landed; a refused tick rolls back.
  const [ticking, setTicking] = useState<Record<string, boolean>>({});
  const settle = (stepId: string) => setTicking(({ [stepId]: _settled, ...rest }) => rest);
  const setStep = useMutation(
    trpc.runbooks.setStep.mutationOptions({
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: async (_data, _error, variables) => {
        await refresh();
        settle(variables.stepId);
      },
    }),
  );
  const { done, total } = attached.progress;
  const titleId = `run-${attached.incidentRunbookId}`;
  return (
    <section aria-labelledby={titleId} className="grid gap-2 rounded-md border border-border p-3" data-testid="attached-runbook">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={titleId} className="min-w-0 font-medium break-words">
          <Link href={`/runbooks/${attached.runbook.id}`} className="hover:underline">
            {attached.runbook.title}
          </Link>
        </h3>
        <span className="text-xs text-muted-foreground">revision {attached.revision}</span>
      </div>
      <div className="grid gap-1">
        <p className="text-sm" data-testid="runbook-progress">
          {done}/{total} steps
        </p>
        <progress className="h-1.5 w-full overflow-hidden rounded-full accent-primary" value={done} max={Math.max(total, 1)} aria-label={`${attached.runbook.title} progress`} />
      </div>
      {total === 0 ? <p className="text-sm text-muted-foreground">This runbook has no checklist steps.</p> : null}
      <ol className="grid gap-2" aria-label={`Steps of ${attached.runbook.title}`}>
        {attached.steps.map((step) => (
          <li key={step.id} className="grid gap-1 text-sm" data-testid="run-step">
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                className="mt-0.5 size-4 shrink-0 accent-primary"
                checked={ticking[step.id] ?? step.done}
                disabled={!canWrite || step.id in ticking}
                onChange={(e) => {
                  const done = e.target.checked;
                  setTicking((current) => ({ ...current, [step.id]: done }));
                  setStep.mutate({ incidentRunbookId: attached.incidentRunbookId, stepId: step.id, done });
                }}
              />
              <span className={step.done ? "break-words text-muted-foreground line-through" : "break-words"}>{step.text || "(empty step)"}</span>
            </label>
            {step.done && step.doneBy && step.doneAt ? (
              <p className="pl-6 text-xs text-muted-foreground">
                Done by {step.doneBy.name} at <time dateTime={step.doneAt.toISOString()}>{formatTimeOfDay(step.doneAt)}</time>
              </p>
            ) : null}
            <StepNote attached={attached} step={step} canWrite={canWrite} onSaved={refresh} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function StepNote({ attached, step, canWrite, onSaved }: { attached: AttachedRunbook; step: AttachedRunbook["steps"][number]; canWrite: boolean; onSaved: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation(
    trpc.runbooks.setStepNote.mutationOptions({
      onSuccess: async () => {
        setDraft(null);
        await onSaved();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  if (draft === null) {
    return (
      <div className="flex flex-wrap items-center gap-2 pl-6 text-xs">
        {step.note ? (
          <p className="break-words text-foreground" data-testid="step-note">
            Note: {step.note}
          </p>
        ) : null}
        {canWrite ? (
          <Button type="button" size="sm" variant="link" className="h-auto px-0 text-xs" aria-label={`Write a note on step “${step.text}”`} onClick={() => setDraft(step.note)}>
            {step.note ? "Edit note" : "Add a note"}
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <form
      className="flex flex-wrap gap-2 pl-6"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ incidentRunbookId: attached.incidentRunbookId, stepId: step.id, note: draft });
      }}
    >
      <Input aria-label={`Note on step “${step.text}”`} value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={2000} className="h-8 min-w-0 flex-1" autoFocus />
      <Button type="submit" size="sm" disabled={save.isPending}>
        Save note
      </Button>
      <Button type="button" size="sm" variant="ghost" onClick={() => setDraft(null)}>
        Cancel
      </Button>
    </form>
  );
}
