import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { runbooks, runbookStepStates } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { mutateIncident, type Mutation } from "@/server/incidents/mutate";
import { assertRunbooksCanRun, findStep, loadRun, loadRunIncidentId } from "./run-state";
import type { setStepInput } from "./schemas";

/**
 * Ticks or unticks a step: who and when go on the step and on the timeline. No incident version is
 * needed, since several responders tick at once; the incident row lock still orders their events.
 * Ticking an already ticked step changes nothing and writes no event.
 */
export async function setStep({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof setStepInput> }) {
  const incidentId = await loadRunIncidentId(ctx.db, ctx.actor, input.incidentRunbookId);
  await mutateIncident(ctx, { incidentId, expectedVersion: null }, async (tx, incident, now) => {
    assertRunbooksCanRun(incident.status);
    const run = await loadRun(tx, input.incidentRunbookId);
    const step = findStep(run.steps, input.stepId);
    const [before] = await tx
      .select({ done: runbookStepStates.done })
      .from(runbookStepStates)
      .where(and(eq(runbookStepStates.incidentRunbookId, run.id), eq(runbookStepStates.stepId, step.id)));
    const audit: Mutation["audit"] = { action: input.done ? "incident.runbook_step_done" : "incident.runbook_step_undone", after: { incidentRunbookId: run.id, stepId: step.id } };
    if ((before?.done ?? false) === input.done) return { changesState: false, events: [], audit };
    const state = { done: input.done, doneById: input.done ? ctx.actor.id : null, doneAt: input.done ? now : null, updatedAt: now };
    await tx
      .insert(runbookStepStates)
      .values({ incidentRunbookId: run.id, stepId: step.id, ...state })
      .onConflictDoUpdate({ target: [runbookStepStates.incidentRunbookId, runbookStepStates.stepId], set: state });
    await tx.update(runbooks).set({ lastUsedAt: now }).where(eq(runbooks.id, run.runbookId));
    return {
      changesState: false,
      events: [
        {
          kind: input.done ? "runbook.step_done" : "runbook.step_undone",
          data: { runbookId: run.runbookId, incidentRunbookId: run.id, runbook: run.title, stepId: step.id, step: step.text, position: step.position, total: run.steps.length },
        },
      ],
      audit,
    };
  });
}
