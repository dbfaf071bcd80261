import type { z } from "zod";
import { runbookStepStates } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { mutateIncident } from "@/server/incidents/mutate";
import { assertRunbooksCanRun, findStep, loadRun, loadRunIncidentId } from "./run-state";
import type { setStepNoteInput } from "./schemas";

/** A note on a step ("rolled back to v41"): kept on the step and written to the timeline. */
export async function setStepNote({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof setStepNoteInput> }) {
  const incidentId = await loadRunIncidentId(ctx.db, ctx.actor, input.incidentRunbookId);
  await mutateIncident(ctx, { incidentId, expectedVersion: null }, async (tx, incident, now) => {
    assertRunbooksCanRun(incident.status);
    const run = await loadRun(tx, input.incidentRunbookId);
    const step = findStep(run.steps, input.stepId);
    await tx
      .insert(runbookStepStates)
      .values({ incidentRunbookId: run.id, stepId: step.id, note: input.note, updatedAt: now })
      .onConflictDoUpdate({ target: [runbookStepStates.incidentRunbookId, runbookStepStates.stepId], set: { note: input.note, updatedAt: now } });
    return {
      changesState: false,
      events: [
        {
          kind: "runbook.step_noted",
          body: input.note,
          data: { runbookId: run.runbookId, incidentRunbookId: run.id, runbook: run.title, stepId: step.id, step: step.text, cleared: input.note === "" },
        },
      ],
      audit: { action: "incident.runbook_step_noted", after: { incidentRunbookId: run.id, stepId: step.id, length: input.note.length } },
    };
  });
}
