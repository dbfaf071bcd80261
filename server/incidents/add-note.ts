import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { incidentEvents } from "@/db/schema";
import { canonicalKind } from "@/lib/events/catalogue";
import type { ServiceContext } from "@/server/context";
import { invalid } from "@/server/errors";
import { mutateIncident } from "./mutate";
import type { addNoteInput } from "./schemas";

/** Adds a note, possibly about the past; a correction supersedes an earlier note rather than editing it. */
export async function addNote({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof addNoteInput> }) {
  return mutateIncident(ctx, { incidentId: input.incidentId, expectedVersion: null }, async (tx, incident, now) => {
    if (input.occurredAt && input.occurredAt > now) throw invalid("A note cannot be about the future.", "occurredAt");
    let occurredAt = input.occurredAt;
    if (input.correctsEventId) {
      const [original] = await tx
        .select()
        .from(incidentEvents)
        .where(and(eq(incidentEvents.id, input.correctsEventId), eq(incidentEvents.incidentId, incident.id)));
      if (!original || canonicalKind(original.kind) !== "note.added") throw invalid("Only notes on this incident can be corrected.", "correctsEventId");
      occurredAt ??= original.occurredAt;
    }
    return {
      changesState: false,
      events: [{ kind: "note.added", body: input.body, occurredAt, supersedesId: input.correctsEventId ?? null, data: input.correctsEventId ? { corrects: input.correctsEventId } : {} }],
      audit: { action: input.correctsEventId ? "incident.note_corrected" : "incident.note_added", after: { length: input.body.length } },
    };
  });
}
