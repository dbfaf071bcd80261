import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { incidentRunbooks, runbooks } from "@/db/schema";
import { extractSteps } from "@/lib/runbooks/steps";
import type { ServiceContext } from "@/server/context";
import { conflict } from "@/server/errors";
import { mutateIncident } from "@/server/incidents/mutate";
import { loadRunbook } from "./load";
import { assertRunbooksCanRun } from "./run-state";
import type { attachRunbookInput } from "./schemas";

/**
 * Attaches a runbook to an incident, pinned to its current revision so later edits do not move the
 * steps under the responders' feet. Does not need the incident's version: attaching is additive.
 */
export async function attachRunbook({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof attachRunbookInput> }) {
  let incidentRunbookId = "";
  await mutateIncident(ctx, { incidentId: input.incidentId, expectedVersion: null }, async (tx, incident, now) => {
    assertRunbooksCanRun(incident.status);
    const runbook = await loadRunbook(tx, input.runbookId);
    const [existing] = await tx
      .select({ id: incidentRunbooks.id })
      .from(incidentRunbooks)
      .where(and(eq(incidentRunbooks.incidentId, incident.id), eq(incidentRunbooks.runbookId, runbook.id)));
    if (existing) throw conflict(`"${runbook.title}" is already attached to this incident.`);
    const [run] = await tx
      .insert(incidentRunbooks)
      .values({ incidentId: incident.id, runbookId: runbook.id, revision: runbook.revision, attachedById: ctx.actor.id, attachedAt: now })
      .returning({ id: incidentRunbooks.id });
    if (!run) throw new Error("insert returned no row");
    incidentRunbookId = run.id;
    await tx.update(runbooks).set({ lastUsedAt: now }).where(eq(runbooks.id, runbook.id));
    return {
      changesState: false,
      events: [{ kind: "runbook.attached", data: { runbookId: runbook.id, incidentRunbookId: run.id, title: runbook.title, revision: runbook.revision, steps: extractSteps(runbook.body).length } }],
      audit: { action: "incident.runbook_attached", after: { runbookId: runbook.id, revision: runbook.revision } },
    };
  });
  return { incidentRunbookId };
}
