import type { z } from "zod";
import { users } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { hashPassword } from "@/server/auth/password";
import type { ServiceContext } from "@/server/context";
import { conflict, forbidden } from "@/server/errors";
import { can } from "@/server/auth/can";
import { findUserByEmail } from "./find-by-email";
import type { createUserInput } from "./schemas";
import { toUserOutput } from "./to-output";

export async function createUser({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof createUserInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can create users.");
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) throw conflict(`A user with the email ${input.email} already exists.`, "email");
    const [user] = await tx.insert(users).values({ email: input.email, name: input.name, role: input.role, passwordHash }).returning();
    if (!user) throw new Error("insert returned no row");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "user.created",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, name: user.name, role: user.role },
      requestId: ctx.requestId,
    });
    return toUserOutput(user);
  });
}
