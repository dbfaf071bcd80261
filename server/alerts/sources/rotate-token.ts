import { eq } from "drizzle-orm";
import { alertSources } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { announceSourceChange } from "../source-cache";
import { newToken } from "../credentials";
import { loadSource, presentSource } from "./present";

/** A new token replaces the old one at once: senders holding the old one get 401 from now on. */
export async function rotateAlertSourceToken({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can rotate alert source tokens.");
  const { token, hash, prefix } = newToken();
  return ctx.db.transaction(async (tx) => {
    const before = await loadSource(tx, input.id, { isLocked: true });
    const [after] = await tx.update(alertSources).set({ tokenHash: hash, tokenPrefix: prefix, updatedAt: new Date() }).where(eq(alertSources.id, input.id)).returning();
    if (!after) throw new Error("update returned no row");
    await announceSourceChange(tx, input.id);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "alert_source.token_rotated",
      entityType: "alert_source",
      entityId: input.id,
      before: { tokenPrefix: before.tokenPrefix },
      after: { tokenPrefix: prefix },
      requestId: ctx.requestId,
    });
    return { source: presentSource(after), token };
  });
}
