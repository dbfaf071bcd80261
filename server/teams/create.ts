import { eq } from "drizzle-orm";
import type { z } from "zod";
import { teams } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { conflict, forbidden } from "@/server/errors";
import type { createTeamInput } from "./schemas";

export async function createTeam({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof createTeamInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can create teams.");
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.name, input.name)).limit(1);
    if (existing) throw conflict(`A team named "${input.name}" already exists.`);
    const [team] = await tx.insert(teams).values(input).returning();
    if (!team) throw new Error("insert returned no row");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "team.created",
      entityType: "team",
      entityId: team.id,
      after: input,
      requestId: ctx.requestId,
    });
    return { id: team.id, name: team.name, description: team.description, members: [] };
  });
}
