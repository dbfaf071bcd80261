import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { isPerson, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { forgetSessionUser } from "@/server/auth/session-user";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, notFound } from "@/server/errors";
import { assertAnotherActiveAdmin } from "./admin-guard";
import type { changeRoleInput } from "./schemas";
import { toUserOutput } from "./to-output";

export async function changeRole({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof changeRoleInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can change roles.");
  const result = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, input.userId), isPerson))
      .for("update");
    if (!before) throw notFound("That user");
    if (before.role === input.role) return toUserOutput(before);
    if (before.role === "admin") await assertAnotherActiveAdmin(tx, before.id);
    const [after] = await tx.update(users).set({ role: input.role, updatedAt: new Date() }).where(eq(users.id, input.userId)).returning();
    if (!after) throw notFound("That user");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "user.role_changed",
      entityType: "user",
      entityId: after.id,
      before: { role: before.role },
      after: { role: after.role },
      requestId: ctx.requestId,
    });
    return toUserOutput(after);
  });
  // At once in this process; other processes hear of it through the users trigger (migration 0012).
  forgetSessionUser(input.userId);
  return result;
}
