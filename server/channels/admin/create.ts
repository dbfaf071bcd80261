import type { z } from "zod";
import { notificationChannels } from "@/db/schema";
import { seal } from "@/server/crypto/secret-box";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { assertFilters, auditedChannel, newWebhookSecret, presentChannel, targetHintOf } from "./present";
import type { createChannelInput } from "./schemas";

/** Adds a channel; a webhook's signing secret is returned this once and stored sealed. */
export async function createChannel({ ctx, input }: { ctx: ServiceContext; input: z.output<typeof createChannelInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can add notification channels.");
  const { target, ...settings } = input;
  const secret = input.kind === "webhook" ? newWebhookSecret() : null;
  return ctx.db.transaction(async (tx) => {
    await assertFilters(tx, input);
    const [channel] = await tx
      .insert(notificationChannels)
      .values({
        ...settings,
        serviceIds: [...new Set(input.serviceIds)],
        teamIds: [...new Set(input.teamIds)],
        targetSealed: seal(target),
        targetHint: targetHintOf(target),
        secretSealed: secret ? seal(secret) : null,
        createdById: ctx.actor.id,
      })
      .returning();
    if (!channel) throw new Error("insert returned no row");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "notification_channel.created",
      entityType: "notification_channel",
      entityId: channel.id,
      after: auditedChannel(channel),
      requestId: ctx.requestId,
    });
    return { channel: presentChannel(channel), secret };
  });
}
