import { and, asc, eq, notExists, sql } from "drizzle-orm";
import type { z } from "zod";
import { incidentRunbooks, runbookFeedback, runbooks } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { loadVisibleIncident } from "@/server/incidents/access";
import type { incidentIdInput } from "./schemas";

const askAfter = new Set(["resolved", "closed"]);

/** Once the incident is resolved: the runbooks used in it that this person has not yet said were helpful or not. */
export async function pendingFeedback({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof incidentIdInput> }) {
  const incident = await loadVisibleIncident(ctx.db, ctx.actor, input.incidentId);
  if (!askAfter.has(incident.status)) return [];
  const rows = await ctx.db
    .select({ incidentRunbookId: incidentRunbooks.id, id: runbooks.id, title: runbooks.title })
    .from(incidentRunbooks)
    .innerJoin(runbooks, eq(runbooks.id, incidentRunbooks.runbookId))
    .where(
      and(
        eq(incidentRunbooks.incidentId, incident.id),
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(runbookFeedback)
            .where(and(eq(runbookFeedback.runbookId, incidentRunbooks.runbookId), eq(runbookFeedback.incidentId, incident.id), eq(runbookFeedback.userId, ctx.actor.id))),
        ),
      ),
    )
    .orderBy(asc(incidentRunbooks.attachedAt));
  return rows.map((r) => ({ incidentRunbookId: r.incidentRunbookId, runbook: { id: r.id, title: r.title } }));
}
