import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { incidentRunbooks, runbookRevisions, runbooks } from "@/db/schema";
import { extractSteps, type Step } from "@/lib/runbooks/steps";
import { isClosedOut, statusLabels, type IncidentStatus } from "@/lib/incident-lifecycle";
import type { Actor } from "@/server/context";
import { invalid, notFound } from "@/server/errors";
import { visibleThrough } from "@/server/incidents/access";

/**
 * Runbooks are run while an incident is open or just resolved (clean-up steps come after recovery).
 * Once it is closed out, what was done is the record: reopen the incident to change it.
 */
export function assertRunbooksCanRun(status: IncidentStatus): void {
  if (isClosedOut(status)) throw invalid(`This incident is ${statusLabels[status].toLowerCase()}, so its runbook steps are final. Reopen the incident to change them.`);
}

/** Which incident a run (a runbook attached to an incident) belongs to, if the actor may see it: a hidden run reads as missing. */
export async function loadRunIncidentId(db: DbOrTx, actor: Actor, incidentRunbookId: string): Promise<string> {
  const [run] = await db
    .select({ incidentId: incidentRunbooks.incidentId })
    .from(incidentRunbooks)
    .where(and(eq(incidentRunbooks.id, incidentRunbookId), visibleThrough(actor, incidentRunbooks.incidentId)));
  if (!run) throw notFound("That runbook run");
  return run.incidentId;
}

/** A run with its runbook's title and the steps of the revision pinned at attach time. */
export async function loadRun(db: DbOrTx, incidentRunbookId: string): Promise<{ id: string; incidentId: string; runbookId: string; title: string; revision: number; steps: Step[] }> {
  const [run] = await db
    .select({
      id: incidentRunbooks.id,
      incidentId: incidentRunbooks.incidentId,
      runbookId: incidentRunbooks.runbookId,
      revision: incidentRunbooks.revision,
      title: runbooks.title,
      body: runbookRevisions.body,
    })
    .from(incidentRunbooks)
    .innerJoin(runbooks, eq(runbooks.id, incidentRunbooks.runbookId))
    .innerJoin(runbookRevisions, and(eq(runbookRevisions.runbookId, incidentRunbooks.runbookId), eq(runbookRevisions.number, incidentRunbooks.revision)))
    .where(eq(incidentRunbooks.id, incidentRunbookId));
  if (!run) throw notFound("That runbook run");
  const { body, ...rest } = run;
  return { ...rest, steps: extractSteps(body) };
}

/** The step by id, with its 1-based position, or "not found" (an edited runbook's new steps are not in an older run). */
export function findStep(steps: Step[], stepId: string) {
  const index = steps.findIndex((s) => s.id === stepId);
  if (index < 0) throw notFound("That step");
  return { ...steps[index]!, position: index + 1 };
}
