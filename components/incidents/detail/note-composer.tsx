"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useKeyShortcuts } from "@/components/ui/key-shortcuts";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/components/trpc/client";
import { useIncidentMutationCallbacks } from "./use-incident-mutation";

export type Correction = { eventId: number; body: string };
type Mode = "note" | "update";
const modes: readonly Mode[] = ["note", "update"];
const modeLabels: Record<Mode, string> = { note: "Note", update: "Status update" };

/** Notes for the timeline, or a status update for stakeholders; a note can correct an earlier one. */
export function NoteComposer({ incidentId, correction, onDone }: { incidentId: string; correction: Correction | null; onDone: () => void }) {
  const trpc = useTRPC();
  const callbacks = useIncidentMutationCallbacks(incidentId);
  const [mode, setMode] = useState<Mode>("note");
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const radioRefs = useRef<Partial<Record<Mode, HTMLButtonElement | null>>>({});
  const addNote = useMutation(trpc.incidents.addNote.mutationOptions(callbacks(correction ? "Note corrected" : "Note added")));
  const postUpdate = useMutation(trpc.incidents.postStatusUpdate.mutationOptions(callbacks("Status update posted")));
  const isPending = addNote.isPending || postUpdate.isPending;

  // "n" and "u" go straight to the box, in the matching mode (a correction is always a note).
  const startWriting = (next: Mode) => {
    if (!correction) setMode(next);
    bodyRef.current?.focus();
  };
  useKeyShortcuts({ n: () => startWriting("note"), u: () => startWriting("update") });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = String(form.get("body") ?? "");
    const occurred = String(form.get("occurredAt") ?? "");
    const reset = {
      onSuccess: () => {
        formElement.reset();
        onDone();
        // The submit button was disabled while saving, which drops focus to <body>: back to the box, ready for the next one.
        bodyRef.current?.focus();
      },
    };
    if (mode === "update") postUpdate.mutate({ incidentId, body }, reset);
    else addNote.mutate({ incidentId, body, ...(occurred ? { occurredAt: new Date(occurred) } : {}), ...(correction ? { correctsEventId: correction.eventId } : {}) }, reset);
  }

  function onBodyKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    } else if (event.key === "Escape") {
      // Leave the box without the mouse, so the page's single-key shortcuts work again.
      event.preventDefault();
      radioRefs.current[mode]?.focus();
    }
  }

  // A real radio group: one tab stop (the checked option); arrows move and choose.
  function onRadioKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const step = event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = modes[(modes.indexOf(mode) + step + modes.length) % modes.length] ?? mode;
    setMode(next);
    radioRefs.current[next]?.focus();
  }

  return (
    <form onSubmit={submit} className="grid gap-2" aria-label="Add to the timeline" key={correction?.eventId ?? "new"}>
      <div role="radiogroup" aria-label="What to post" className="flex gap-1">
        {modes.map((value) => (
          <Button
            key={value}
            ref={(element) => {
              radioRefs.current[value] = element;
            }}
            type="button"
            size="sm"
            variant={mode === value ? "secondary" : "ghost"}
            role="radio"
            aria-checked={mode === value}
            tabIndex={mode === value ? 0 : -1}
            disabled={Boolean(correction)}
            onClick={() => setMode(value)}
            onKeyDown={onRadioKeyDown}
          >
            {modeLabels[value]}
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
        ref={bodyRef}
        id="timeline-body"
        name="body"
        required
        rows={2}
        defaultValue={correction?.body}
        aria-keyshortcuts={mode === "note" ? "N Control+Enter Meta+Enter" : "U Control+Enter Meta+Enter"}
        aria-describedby="timeline-body-hint"
        onKeyDown={onBodyKeyDown}
        placeholder={mode === "note" ? "What did you learn or decide?" : "What stakeholders should know now"}
      />
      <div className="flex flex-wrap items-start gap-2">
        <p id="timeline-body-hint" className="text-xs text-muted-foreground">
          Ctrl+Enter (⌘+Enter) to post, Esc to leave the box.
        </p>
        <Button type="submit" size="sm" disabled={isPending} className="ml-auto">
          {mode === "note" ? (correction ? "Save correction" : "Add note") : "Post update"}
        </Button>
      </div>
      {/* Rarely needed, so it costs no tab stops unless opened (the date-time field has eight). */}
      {mode === "note" ? (
        <details className="text-xs">
          <summary className="w-fit cursor-pointer rounded-sm text-muted-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden">Set when it happened</summary>
          <div className="mt-2 grid gap-1">
            <Label htmlFor="timeline-occurred" className="text-xs text-muted-foreground">
              Happened at (optional)
            </Label>
            <Input id="timeline-occurred" name="occurredAt" type="datetime-local" className="h-8 w-auto" />
          </div>
        </details>
      ) : null}
    </form>
  );
}
