import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { teamMembers } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, notFound } from "@/server/errors";
import type { removeTeamMemberInput } from "./schemas";

export async function removeTeamMember({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof removeTeamMemberInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can change team membership.");
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, input.teamId), eq(teamMembers.userId, input.userId)))
      .returning();
    if (removed.length === 0) throw notFound("That team membership");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "team.member_removed",
      entityType: "team",
      entityId: input.teamId,
      before: { userId: input.userId, isLead: removed[0]?.isLead },
      requestId: ctx.requestId,
    });
  });
}
