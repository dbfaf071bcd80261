import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { isPerson, teamMembers, teams, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, notFound } from "@/server/errors";
import type { teamMemberInput } from "./schemas";

// Adding someone already in the team updates their lead flag instead of failing.
export async function addTeamMember({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof teamMemberInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can change team membership.");
  await ctx.db.transaction(async (tx) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
    if (!team) throw notFound("That team");
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.userId), isPerson));
    if (!user) throw notFound("That user");
    await tx
      .insert(teamMembers)
      .values(input)
      .onConflictDoUpdate({ target: [teamMembers.teamId, teamMembers.userId], set: { isLead: input.isLead } });
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "team.member_added",
      entityType: "team",
      entityId: input.teamId,
      after: { userId: input.userId, isLead: input.isLead },
      requestId: ctx.requestId,
    });
  });
}
