import type { z } from "zod";
import { incidentParticipants } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { conflict, invalid } from "@/server/errors";
import { and, eq, isNull } from "drizzle-orm";
import { users } from "@/db/schema";
import { mutateIncident } from "./mutate";
import type { addParticipantInput } from "./schemas";

/** Grants someone access to a (private) incident; recorded on the timeline. */
export async function addParticipant({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof addParticipantInput> }) {
  return mutateIncident(ctx, { incidentId: input.incidentId, expectedVersion: null }, async (tx, incident) => {
    const [person] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.id, input.userId), isNull(users.deactivatedAt)));
    if (!person) throw invalid("That person is not an active user.", "userId");
    const added = await tx.insert(incidentParticipants).values({ incidentId: incident.id, userId: person.id, addedById: ctx.actor.id }).onConflictDoNothing().returning();
    if (added.length === 0) throw conflict(`${person.name} already takes part in this incident.`);
    return {
      changesState: false,
      events: [{ kind: "participant.added", data: { user: person.name, userId: person.id } }],
      audit: { action: "incident.participant_added", after: { userId: person.id } },
    };
  });
}
