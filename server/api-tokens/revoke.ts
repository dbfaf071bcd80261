import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { apiTokens } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { notFound } from "@/server/errors";
import { forgetApiTokens } from "./authenticate";
import { readTokens } from "./present";
import type { apiTokenIdInput } from "./schemas";

/** Revokes at once; revoking a revoked token changes nothing. Others' tokens are "not found" to non-admins. */
export async function revokeApiToken({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof apiTokenIdInput> }) {
  const mine = can(ctx.actor, "admin") ? undefined : eq(apiTokens.ownerId, ctx.actor.id);
  const result = await ctx.db.transaction(async (tx) => {
    const [token] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, input.tokenId), mine))
      .for("update");
    if (!token) throw notFound("That token");
    if (!token.revokedAt) {
      await tx
        .update(apiTokens)
        .set({ revokedAt: ctx.now?.() ?? new Date() })
        .where(and(eq(apiTokens.id, token.id), isNull(apiTokens.revokedAt)));
      await recordAudit(tx, {
        actorId: ctx.actor.id,
        action: "api_token.revoked",
        entityType: "api_token",
        entityId: token.id,
        before: { name: token.name, prefix: token.prefix },
        requestId: ctx.requestId,
      });
    }
    const [view] = await readTokens(tx, eq(apiTokens.id, token.id));
    return view!;
  });
  // Every instance hears the trigger's NOTIFY; this one stops taking the token before that arrives.
  forgetApiTokens();
  return result;
}
