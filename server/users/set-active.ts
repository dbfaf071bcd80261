import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { isPerson, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { forgetSessionUser } from "@/server/auth/session-user";
import { endAllSessions } from "@/server/auth/sessions";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { conflict, forbidden, notFound } from "@/server/errors";
import { assertAnotherActiveAdmin } from "./admin-guard";
import type { setActiveInput } from "./schemas";
import { toUserOutput } from "./to-output";

// Deactivation keeps the row (and so the person's history); it only stops sign-in and sessions.
export async function setUserActive({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof setActiveInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can deactivate users.");
  if (!input.isActive && input.userId === ctx.actor.id) throw conflict("You cannot deactivate your own account.");
  const result = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, input.userId), isPerson))
      .for("update");
    if (!before) throw notFound("That user");
    if ((before.deactivatedAt === null) === input.isActive) return toUserOutput(before);
    if (!input.isActive && before.role === "admin") await assertAnotherActiveAdmin(tx, before.id);
    const [after] = await tx
      .update(users)
      .set({ deactivatedAt: input.isActive ? null : new Date(), updatedAt: new Date() })
      .where(eq(users.id, input.userId))
      .returning();
    if (!after) throw notFound("That user");
    // Every browser they are signed in on is signed out: reactivation does not bring those sessions back.
    if (!input.isActive) await endAllSessions(tx, after.id);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: input.isActive ? "user.reactivated" : "user.deactivated",
      entityType: "user",
      entityId: after.id,
      before: { isActive: !input.isActive },
      after: { isActive: input.isActive },
      requestId: ctx.requestId,
    });
    return toUserOutput(after);
  });
  // At once in this process; other processes hear of it through the users trigger (migration 0012).
  forgetSessionUser(input.userId);
  return result;
}
