import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { incidentRunbooks, runbookFeedback, runbooks } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { invalid } from "@/server/errors";
import { mutateIncident } from "@/server/incidents/mutate";
import type { giveFeedbackInput } from "./schemas";

/** "Was this runbook helpful?" from someone on an incident it was used in. Answering again replaces the earlier answer. */
export async function giveFeedback({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof giveFeedbackInput> }) {
  await mutateIncident(ctx, { incidentId: input.incidentId, expectedVersion: null }, async (tx, incident, now) => {
    const [used] = await tx
      .select({ title: runbooks.title })
      .from(incidentRunbooks)
      .innerJoin(runbooks, eq(runbooks.id, incidentRunbooks.runbookId))
      .where(and(eq(incidentRunbooks.incidentId, incident.id), eq(incidentRunbooks.runbookId, input.runbookId)));
    if (!used) throw invalid("Feedback is for runbooks used in this incident; that one was not attached.", "runbookId");
    const answer = { helpful: input.helpful, comment: input.comment, createdAt: now };
    await tx
      .insert(runbookFeedback)
      .values({ runbookId: input.runbookId, incidentId: incident.id, userId: ctx.actor.id, ...answer })
      .onConflictDoUpdate({ target: [runbookFeedback.runbookId, runbookFeedback.incidentId, runbookFeedback.userId], set: answer });
    return {
      changesState: false,
      events: [{ kind: "runbook.rated", body: input.comment || null, data: { runbookId: input.runbookId, runbook: used.title, helpful: input.helpful } }],
      audit: { action: "incident.runbook_rated", after: { runbookId: input.runbookId, helpful: input.helpful } },
    };
  });
}
