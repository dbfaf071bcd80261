// Follow or stop following an incident or a service. Anyone signed in may follow what they can see;
// a private incident they cannot see is "not found", exactly like a missing one. Following twice or
// stopping twice is no error: the answer is the state asked for.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { follows, services } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { notFound } from "@/server/errors";
import { loadVisibleIncident } from "@/server/incidents/access";
import type { setFollowingInput, setFollowingOutput } from "./schemas";

type Input = z.infer<typeof setFollowingInput>;

export async function setFollowing({ ctx, input }: { ctx: ServiceContext; input: Input }): Promise<z.infer<typeof setFollowingOutput>> {
  const now = ctx.now?.() ?? new Date();
  return ctx.db.transaction(async (tx) => {
    if (input.kind === "incident") await loadVisibleIncident(tx, ctx.actor, input.id);
    else {
      const [service] = await tx.select({ id: services.id }).from(services).where(eq(services.id, input.id));
      if (!service) throw notFound("That service");
    }
    const target = input.kind === "incident" ? { incidentId: input.id } : { serviceId: input.id };
    const column = input.kind === "incident" ? follows.incidentId : follows.serviceId;
    if (input.following) {
      await tx
        .insert(follows)
        .values({ userId: ctx.actor.id, ...target, createdAt: now })
        .onConflictDoNothing();
    } else {
      await tx.delete(follows).where(and(eq(follows.userId, ctx.actor.id), eq(column, input.id)));
    }
    return { following: input.following };
  });
}
