import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { incidentEventHighlights, incidentEvents } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, notFound } from "@/server/errors";
import { loadVisibleIncident } from "./access";
import { notifyIncident } from "./events";
import type { highlightInput } from "./schemas";

/** Marks an event as one the post-mortem timeline should show. The event itself stays untouched. */
export async function setHighlight({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof highlightInput> }) {
  return ctx.db.transaction(async (tx) => {
    const incident = await loadVisibleIncident(tx, ctx.actor, input.incidentId, { lock: true });
    if (!can(ctx.actor, "incident.write")) throw forbidden("Viewers cannot highlight events.");
    const [event] = await tx
      .select({ id: incidentEvents.id })
      .from(incidentEvents)
      .where(and(eq(incidentEvents.id, input.eventId), eq(incidentEvents.incidentId, incident.id)));
    if (!event) throw notFound("That timeline event");
    if (input.isHighlighted) {
      await tx.insert(incidentEventHighlights).values({ eventId: event.id, highlightedById: ctx.actor.id }).onConflictDoNothing();
    } else {
      await tx.delete(incidentEventHighlights).where(eq(incidentEventHighlights.eventId, event.id));
    }
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: input.isHighlighted ? "incident.event_highlighted" : "incident.event_unhighlighted",
      entityType: "incident",
      entityId: incident.id,
      after: { eventId: event.id },
      requestId: ctx.requestId,
    });
    await notifyIncident(tx, {
      incidentId: incident.id,
      toSeq: incident.lastEventSeq,
      isPrivate: incident.isPrivate,
      changesState: false,
      highlight: { eventId: event.id, isHighlighted: input.isHighlighted },
    });
    return { eventId: event.id, isHighlighted: input.isHighlighted };
  });
}
