import { eq } from "drizzle-orm";
import { notificationChannels } from "@/db/schema";
import { seal } from "@/server/crypto/secret-box";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, invalid } from "@/server/errors";
import { lastDeliveries, loadChannel, newWebhookSecret, presentChannel } from "./present";

// Long enough for a receiver to deploy the new secret; meanwhile every request carries both signatures.
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** A new signing secret, returned once; the old one keeps signing alongside it for 24 hours. */
export async function rotateChannelSecret({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can rotate signing secrets.");
  const secret = newWebhookSecret();
  const now = ctx.now?.() ?? new Date();
  return ctx.db.transaction(async (tx) => {
    const before = await loadChannel(tx, input.id, { isLocked: true });
    if (!before.secretSealed) throw invalid("Only webhook channels sign their requests; this one has no secret to rotate.");
    const previousSecretExpiresAt = new Date(now.getTime() + SECRET_OVERLAP_MS);
    const [after] = await tx
      .update(notificationChannels)
      .set({ secretSealed: seal(secret), previousSecretSealed: before.secretSealed, previousSecretExpiresAt, updatedAt: now })
      .where(eq(notificationChannels.id, input.id))
      .returning();
    if (!after) throw new Error("update returned no row");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "notification_channel.secret_rotated",
      entityType: "notification_channel",
      entityId: input.id,
      after: { previousSecretExpiresAt: previousSecretExpiresAt.toISOString() },
      requestId: ctx.requestId,
    });
    return { channel: presentChannel(after, (await lastDeliveries(tx, [input.id])).get(input.id) ?? null), secret };
  });
}
