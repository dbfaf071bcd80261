"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/components/trpc/client";
import { useIncidentMutationCallbacks } from "./use-incident-mutation";

export type Correction = { eventId: number; body: string };

/** Notes for the timeline, or a status update for stakeholders; a note can correct an earlier one. */
export function NoteComposer({ incidentId, correction, onDone }: { incidentId: string; correction: Correction | null; onDone: () => void }) {
  const trpc = useTRPC();
  const callbacks = useIncidentMutationCallbacks(incidentId);
  const [mode, setMode] = useState<"note" | "update">("note");
  const addNote = useMutation(trpc.incidents.addNote.mutationOptions(callbacks(correction ? "Note corrected" : "Note added")));
  const postUpdate = useMutation(trpc.incidents.postStatusUpdate.mutationOptions(callbacks("Status update posted")));
  const isPending = addNote.isPending || postUpdate.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = String(form.get("body") ?? "");
    const occurred = String(form.get("occurredAt") ?? "");
    const reset = {
      onSuccess: () => {
        formElement.reset();
        onDone();
      },
    };
    if (mode === "update") postUpdate.mutate({ incidentId, body }, reset);
    else addNote.mutate({ incidentId, body, ...(occurred ? { occurredAt: new Date(occurred) } : {}), ...(correction ? { correctsEventId: correction.eventId } : {}) }, reset);
  }

  return (
    <form onSubmit={submit} className="grid gap-2" aria-label="Add to the timeline" key={correction?.eventId ?? "new"}>
      <div role="radiogroup" aria-label="What to post" className="flex gap-1">
        {(["note", "update"] as const).map((value) => (
          <Button
            key={value}
            type="button"
            size="sm"
            variant={mode === value ? "secondary" : "ghost"}
            role="radio"
            aria-checked={mode === value}
            disabled={Boolean(correction)}
            onClick={() => setMode(value)}
          >
            {value === "note" ? "Note" : "Status update"}
          </Button>
        ))}
      </div>
      {correction ? (
        <p className="text-sm text-muted-foreground">
          Correcting a note. The original stays on the timeline, marked as corrected.{" "}
          <button type="button" className="underline" onClick={onDone}>
            Cancel
          </button>
        </p>
      ) : null}
      <Label htmlFor="timeline-body" className="sr-only">
        {mode === "note" ? "Note" : "Status update for stakeholders"}
      </Label>
      <Textarea
        id="timeline-body"
        name="body"
        required
        rows={2}
        defaultValue={correction?.body}
        placeholder={mode === "note" ? "What did you learn or decide?" : "What stakeholders should know now"}
      />
      <div className="flex flex-wrap items-end gap-2">
        {mode === "note" ? (
          <div className="grid gap-1">
            <Label htmlFor="timeline-occurred" className="text-xs text-muted-foreground">
              Happened at (optional)
            </Label>
            <Input id="timeline-occurred" name="occurredAt" type="datetime-local" className="h-8 w-auto" />
          </div>
        ) : null}
        <Button type="submit" size="sm" disabled={isPending} className="ml-auto">
          {mode === "note" ? (correction ? "Save correction" : "Add note") : "Post update"}
        </Button>
      </div>
    </form>
  );
}
