// Sends deliveries: at least once, each with its fixed `webhook-id` so a receiver can drop repeats.
// A due delivery is claimed with a lease (its next attempt pushed past the send's own timeout), so a
// process that dies mid-send leaves it to be sent again, never lost. Each attempt is logged; 2xx
// delivers, 410 disables the channel, anything else is retried on the schedule (server/channels/retry.ts);
// a channel failing for 3 days is disabled and the admins are told.
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { serverEnv } from "@/env";
import { isPerson, type NotificationChannel, type NotificationDelivery, notificationAttempts, notificationChannels, notificationDeliveries, notifications, users, workspace } from "@/db/schema";
import type { OutgoingEvent } from "@/lib/outgoing-events";
import { open } from "@/server/crypto/secret-box";
import type { Mailer } from "@/server/mail/mailer";
import { metrics } from "@/server/metrics/registry";
import { OutboundError, safeFetch } from "@/server/outbound/safe-fetch";
import { formatters } from "./formats";
import { nextAttemptAt, retryAfterSeconds } from "./retry";
import { signedHeaders } from "./signing";

// The claim outlasts the send's own timeout many times over (DELIVERY_LEASE_SECONDS, 60 s by default).
const leaseMs = () => serverEnv().DELIVERY_LEASE_SECONDS * 1000;
const DISABLE_AFTER_MS = 3 * 24 * 3_600_000;
const EXCERPT = 1024;

export type DeliverOptions = { mailer: Mailer | null; now?: () => Date };
export type AttemptResult = { ok: boolean; statusCode: number | null; error: string | null; retryAfter: number | null; gone: boolean; durationMs: number; response: string };

function secretsOf(channel: NotificationChannel, now: Date): string[] {
  const current = channel.secretSealed ? open(channel.secretSealed) : null;
  const previous = channel.previousSecretSealed && channel.previousSecretExpiresAt && channel.previousSecretExpiresAt > now ? open(channel.previousSecretSealed) : null;
  return [current, previous].filter((secret): secret is string => Boolean(secret));
}

async function attempt(channel: NotificationChannel, deliveryId: string, event: OutgoingEvent, allowList: string[], options: DeliverOptions, now: Date): Promise<AttemptResult> {
  const started = performance.now();
  const failed = (error: string): AttemptResult => ({ ok: false, statusCode: null, error, retryAfter: null, gone: false, durationMs: Math.round(performance.now() - started), response: "" });
  const format = formatters[channel.kind];
  const target = open(channel.targetSealed);
  if (!target) return failed("The channel's address cannot be read (AUTH_SECRET changed?); enter it again.");
  const message = format(event);
  if (message.kind === "email") {
    if (!options.mailer) return failed("SMTP_URL is not set, so Daytwo cannot send email.");
    try {
      await options.mailer.send({ to: target, subject: message.subject, text: message.text });
      return { ok: true, statusCode: null, error: null, retryAfter: null, gone: false, durationMs: Math.round(performance.now() - started), response: "250 accepted" };
    } catch (error) {
      return failed(`The mail server refused it: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Daytwo-Webhooks/1" };
  if (channel.kind === "webhook") Object.assign(headers, signedHeaders(deliveryId, message.body, secretsOf(channel, now), now));
  try {
    const response = await safeFetch({ url: target, method: "POST", headers, body: message.body, allowList });
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      statusCode: response.status,
      error: ok ? null : `The receiver answered ${response.status}.`,
      retryAfter: retryAfterSeconds(response.headers["retry-after"], now),
      gone: response.status === 410,
      durationMs: response.durationMs,
      response: response.body.slice(0, EXCERPT),
    };
  } catch (error) {
    return failed(error instanceof OutboundError ? error.message : `The request failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function tellAdmins(db: DbOrTx, channel: NotificationChannel, reason: string, now: Date) {
  const admins = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt), isPerson));
  if (admins.length === 0) return;
  await db.insert(notifications).values(
    admins.map((admin) => ({
      userId: admin.id,
      kind: "channel_disabled",
      title: `Notification channel "${channel.name}" was turned off`,
      body: reason,
      href: "/settings/notifications",
      createdAt: now,
    })),
  );
}

/** Records one attempt and its consequences for the delivery and the channel, in one transaction. */
async function record(db: DbOrTx, channel: NotificationChannel, delivery: { id: string; attempts: number }, result: AttemptResult, now: Date) {
  const outcome = await db.transaction(async (tx) => {
    await tx
      .insert(notificationAttempts)
      .values({ deliveryId: delivery.id, attemptedAt: now, statusCode: result.statusCode, durationMs: result.durationMs, response: result.response, error: result.error });
    const attempts = delivery.attempts + 1;
    const retryAt = result.ok || result.gone ? null : nextAttemptAt(attempts, now, result.retryAfter);
    await tx
      .update(notificationDeliveries)
      .set({ attempts, status: result.ok ? "delivered" : retryAt ? "pending" : "failed", nextAttemptAt: retryAt, deliveredAt: result.ok ? now : null })
      .where(eq(notificationDeliveries.id, delivery.id));
    if (result.ok) {
      if (channel.failingSince) await tx.update(notificationChannels).set({ failingSince: null }).where(eq(notificationChannels.id, channel.id));
      return "delivered";
    }
    const failingSince = channel.failingSince ?? now;
    const reason = result.gone
      ? "The endpoint answered 410 Gone: it asked to receive no more events. Check the URL, then turn the channel back on."
      : now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS
        ? `Every delivery has failed since ${failingSince.toISOString()} (3 days); last: ${result.error}`
        : null;
    await tx
      .update(notificationChannels)
      .set(reason ? { failingSince, isEnabled: false, disabledReason: reason } : { failingSince })
      .where(eq(notificationChannels.id, channel.id));
    if (reason && channel.isEnabled) {
      // Nothing more goes to a channel that is off.
      await tx
        .update(notificationDeliveries)
        .set({ status: "failed", nextAttemptAt: null })
        .where(and(eq(notificationDeliveries.channelId, channel.id), eq(notificationDeliveries.status, "pending")));
      await tellAdmins(tx, channel, reason, now);
    }
    return retryAt && !reason ? "retrying" : "failed";
  });
  metrics().deliveries.inc({ channel_kind: channel.kind, outcome });
}

async function allowList(db: DbOrTx): Promise<string[]> {
  const [row] = await db.select({ hosts: workspace.outboundAllowHosts }).from(workspace).where(eq(workspace.id, 1));
  return row?.hosts ?? [];
}

/** One attempt at one delivery, now (send test and redeliver). */
export async function deliverOne(db: DbOrTx, deliveryId: string, options: DeliverOptions): Promise<AttemptResult | null> {
  const now = options.now?.() ?? new Date();
  const [row] = await db
    .select({ delivery: notificationDeliveries, channel: notificationChannels })
    .from(notificationDeliveries)
    .innerJoin(notificationChannels, eq(notificationChannels.id, notificationDeliveries.channelId))
    .where(eq(notificationDeliveries.id, deliveryId));
  if (!row) return null;
  const result = await attempt(row.channel, row.delivery.id, row.delivery.payload as unknown as OutgoingEvent, await allowList(db), options, now);
  await record(db, row.channel, row.delivery, result, now);
  return result;
}

type Claimed = { delivery: NotificationDelivery; channel: NotificationChannel };

/** Successes of one batch in one transaction: every attempt logged, the deliveries done, their channels healthy. */
async function recordDelivered(db: DbOrTx, sent: { row: Claimed; result: AttemptResult }[], now: Date) {
  if (sent.length === 0) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationAttempts)
      .values(sent.map(({ row, result }) => ({ deliveryId: row.delivery.id, attemptedAt: now, statusCode: result.statusCode, durationMs: result.durationMs, response: result.response, error: null })));
    await tx
      .update(notificationDeliveries)
      .set({ attempts: sql`${notificationDeliveries.attempts} + 1`, status: "delivered", nextAttemptAt: null, deliveredAt: now })
      .where(
        inArray(
          notificationDeliveries.id,
          sent.map(({ row }) => row.delivery.id),
        ),
      );
    const recovered = [...new Set(sent.filter(({ row }) => row.channel.failingSince).map(({ row }) => row.channel.id))];
    if (recovered.length) await tx.update(notificationChannels).set({ failingSince: null }).where(inArray(notificationChannels.id, recovered));
  });
  for (const { row } of sent) metrics().deliveries.inc({ channel_kind: row.channel.kind, outcome: "delivered" });
}

/**
 * Claims the due deliveries (a lease) with their channels in one statement, sends them concurrently,
 * and records the successes together (failures one by one: each has its own consequences). Returns
 * how many were tried.
 */
export async function deliverDue(db: DbOrTx, options: DeliverOptions, batch = 100): Promise<number> {
  const now = options.now?.() ?? new Date();
  const claimed: Claimed[] = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notificationDeliveries.id })
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.status, "pending"), lte(notificationDeliveries.nextAttemptAt, now)))
      .orderBy(asc(notificationDeliveries.nextAttemptAt))
      .limit(batch)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const ids = due.map((d) => d.id);
    await tx
      .update(notificationDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + leaseMs()) })
      .where(inArray(notificationDeliveries.id, ids));
    return tx
      .select({ delivery: notificationDeliveries, channel: notificationChannels })
      .from(notificationDeliveries)
      .innerJoin(notificationChannels, eq(notificationChannels.id, notificationDeliveries.channelId))
      .where(inArray(notificationDeliveries.id, ids));
  });
  if (claimed.length === 0) return 0;
  const allowed = await allowList(db);
  const results = await Promise.all(claimed.map((row) => attempt(row.channel, row.delivery.id, row.delivery.payload as unknown as OutgoingEvent, allowed, options, now)));
  const outcomes = claimed.map((row, index) => ({ row, result: results[index]! }));
  await recordDelivered(
    db,
    outcomes.filter(({ result }) => result.ok),
    now,
  );
  // A channel's failures in order: the first may turn it off, and the later ones then see it off.
  for (const { row, result } of outcomes.filter(({ result }) => !result.ok)) {
    const [channel] = await db.select().from(notificationChannels).where(eq(notificationChannels.id, row.channel.id));
    await record(db, channel ?? row.channel, row.delivery, result, now);
  }
  return claimed.length;
}
