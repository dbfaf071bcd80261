import { serverEnv } from "@/env";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, invalid } from "@/server/errors";
import { createMailer } from "@/server/mail/mailer";
import { deliverOne } from "../deliver";
import { enqueueTestDelivery } from "../enqueue";
import { loadChannel } from "./present";

/**
 * Sends a test message now, in this request, so the admin learns at once whether the receiver
 * answers. A refused, unreachable or failing receiver is the admin's to fix (a 400 with the reason),
 * not a server error; the attempt is in the delivery log either way, and retries as any delivery.
 */
export async function sendChannelTest({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can send test notifications.");
  const channel = await loadChannel(ctx.db, input.id);
  const now = ctx.now?.() ?? new Date();
  const deliveryId = await enqueueTestDelivery(ctx.db, channel.id, now);
  await recordAudit(ctx.db, {
    actorId: ctx.actor.id,
    action: "notification_channel.tested",
    entityType: "notification_channel",
    entityId: channel.id,
    after: { deliveryId },
    requestId: ctx.requestId,
  });
  // Email channels need a mailer here too: the request has none of its own, so one lives for this send.
  const env = serverEnv();
  const mailer = channel.kind === "email" ? createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }) : null;
  try {
    const outcome = await deliverOne(ctx.db, deliveryId, { mailer, now: () => now });
    if (!outcome) throw new Error("test delivery vanished");
    if (!outcome.ok) throw invalid(`The test was not delivered: ${outcome.error ?? "the receiver did not accept it."}`);
    const answered = outcome.statusCode ? ` (${outcome.statusCode})` : "";
    return { deliveryId, statusCode: outcome.statusCode, message: `Test delivered to ${channel.name}${answered}. It is in the delivery log.` };
  } finally {
    mailer?.close();
  }
}
