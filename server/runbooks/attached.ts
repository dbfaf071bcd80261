import { and, asc, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { incidentRunbooks, runbookRevisions, runbooks, runbookStepStates, users } from "@/db/schema";
import { extractSteps } from "@/lib/runbooks/steps";
import type { ServiceContext } from "@/server/context";
import { loadVisibleIncident } from "@/server/incidents/access";
import type { incidentIdInput } from "./schemas";

/** Run mode: each attached runbook's steps (of the pinned revision) with who ticked them, when, and notes. */
export async function attachedToIncident({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof incidentIdInput> }) {
  const incident = await loadVisibleIncident(ctx.db, ctx.actor, input.incidentId);
  const attacher = alias(users, "attacher");
  const runs = await ctx.db
    .select({
      id: incidentRunbooks.id,
      runbookId: runbooks.id,
      title: runbooks.title,
      revision: incidentRunbooks.revision,
      attachedAt: incidentRunbooks.attachedAt,
      attachedById: attacher.id,
      attachedByName: attacher.name,
    })
    .from(incidentRunbooks)
    .innerJoin(runbooks, eq(runbooks.id, incidentRunbooks.runbookId))
    .innerJoin(attacher, eq(attacher.id, incidentRunbooks.attachedById))
    .where(eq(incidentRunbooks.incidentId, incident.id))
    .orderBy(asc(incidentRunbooks.attachedAt));
  if (runs.length === 0) return [];
  const [bodies, states] = await Promise.all([
    ctx.db
      .select({ runbookId: runbookRevisions.runbookId, number: runbookRevisions.number, body: runbookRevisions.body })
      .from(runbookRevisions)
      .where(or(...runs.map((r) => and(eq(runbookRevisions.runbookId, r.runbookId), eq(runbookRevisions.number, r.revision))))),
    ctx.db
      .select({
        runId: runbookStepStates.incidentRunbookId,
        stepId: runbookStepStates.stepId,
        done: runbookStepStates.done,
        doneAt: runbookStepStates.doneAt,
        note: runbookStepStates.note,
        doneById: users.id,
        doneByName: users.name,
      })
      .from(runbookStepStates)
      .leftJoin(users, eq(users.id, runbookStepStates.doneById))
      .where(
        inArray(
          runbookStepStates.incidentRunbookId,
          runs.map((r) => r.id),
        ),
      ),
  ]);
  return runs.map((run) => {
    const body = bodies.find((b) => b.runbookId === run.runbookId && b.number === run.revision)?.body ?? { type: "doc" as const };
    const steps = extractSteps(body).map((step) => {
      const state = states.find((s) => s.runId === run.id && s.stepId === step.id);
      return {
        ...step,
        done: state?.done ?? false,
        doneBy: state?.done && state.doneById && state.doneByName ? { id: state.doneById, name: state.doneByName } : null,
        doneAt: state?.done ? state.doneAt : null,
        note: state?.note ?? "",
      };
    });
    return {
      incidentRunbookId: run.id,
      runbook: { id: run.runbookId, title: run.title },
      revision: run.revision,
      attachedBy: { id: run.attachedById, name: run.attachedByName },
      attachedAt: run.attachedAt,
      steps,
      progress: { done: steps.filter((s) => s.done).length, total: steps.length },
    };
  });
}
