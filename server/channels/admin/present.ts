// Shared by the notification channel verbs: loading a channel, what admins and the audit log see of
// it (never the URL, address or secrets), and the checks every write makes on its filters.
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type NotificationChannel, notificationChannels, notificationDeliveries, services, severities, teams } from "@/db/schema";
import { invalid, notFound } from "@/server/errors";
import type { ChannelOutput } from "./schemas";

type LastDelivery = ChannelOutput["lastDelivery"];

export function presentChannel(channel: NotificationChannel, lastDelivery: LastDelivery = null): ChannelOutput {
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    targetHint: channel.targetHint,
    hasSecret: channel.secretSealed !== null,
    previousSecretExpiresAt: channel.previousSecretSealed ? channel.previousSecretExpiresAt : null,
    eventTypes: channel.eventTypes,
    maxSeverityRank: channel.maxSeverityRank,
    serviceIds: channel.serviceIds,
    teamIds: channel.teamIds,
    drills: channel.drills,
    includePrivate: channel.includePrivate,
    isEnabled: channel.isEnabled,
    disabledReason: channel.disabledReason,
    failingSince: channel.failingSince,
    createdAt: channel.createdAt,
    lastDelivery,
  };
}

/** The latest delivery of each channel named, for the list's "last delivery" column. */
export async function lastDeliveries(db: DbOrTx, channelIds: string[]): Promise<Map<string, NonNullable<LastDelivery>>> {
  if (channelIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([notificationDeliveries.channelId], { channelId: notificationDeliveries.channelId, status: notificationDeliveries.status, at: notificationDeliveries.createdAt })
    .from(notificationDeliveries)
    .where(inArray(notificationDeliveries.channelId, channelIds))
    .orderBy(notificationDeliveries.channelId, desc(notificationDeliveries.createdAt));
  return new Map(rows.map((row) => [row.channelId, { status: row.status, at: row.at }]));
}

/** The channel by id, locked for the rest of the transaction when `isLocked`; deleted ones are not found. */
export async function loadChannel(db: DbOrTx, id: string, { isLocked = false } = {}): Promise<NotificationChannel> {
  const query = db
    .select()
    .from(notificationChannels)
    .where(and(eq(notificationChannels.id, id), isNull(notificationChannels.deletedAt)))
    .limit(1);
  const [channel] = isLocked ? await query.for("update") : await query;
  if (!channel) throw notFound("That notification channel");
  return channel;
}

/** The audit view: settings and the hint, no target, no secret. */
export const auditedChannel = (channel: NotificationChannel) => ({
  name: channel.name,
  kind: channel.kind,
  targetHint: channel.targetHint,
  eventTypes: channel.eventTypes,
  maxSeverityRank: channel.maxSeverityRank,
  serviceIds: channel.serviceIds,
  teamIds: channel.teamIds,
  drills: channel.drills,
  includePrivate: channel.includePrivate,
  isEnabled: channel.isEnabled,
});

/**
 * Enough of the target to recognise it, not to use it: a webhook URL's path is its credential
 * (hooks.slack.com/services/T…/B…/secret), so only the host and the last four characters show.
 */
export function targetHintOf(target: string): string {
  if (!target.includes("://")) {
    const [local = "", domain = ""] = target.split("@");
    return `${local.slice(0, 2)}…@${domain}`;
  }
  const url = new URL(target);
  const rest = `${url.pathname}${url.search}`.replace(/\/$/, "");
  return rest.length > 4 ? `${url.protocol}//${url.host}/…${rest.slice(-4)}` : `${url.protocol}//${url.host}${rest}`;
}

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

/** Refuses filters naming services, teams or a severity that do not exist, each beside its field. */
export async function assertFilters(tx: DbOrTx, input: { serviceIds?: string[]; teamIds?: string[]; maxSeverityRank?: number | null }) {
  const serviceIds = [...new Set(input.serviceIds ?? [])];
  if (serviceIds.length > 0) {
    const found = await tx.select({ id: services.id }).from(services).where(inArray(services.id, serviceIds));
    if (found.length !== serviceIds.length) throw invalid("One of the chosen services no longer exists; reload and choose again.", "serviceIds");
  }
  const teamIds = [...new Set(input.teamIds ?? [])];
  if (teamIds.length > 0) {
    const found = await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, teamIds));
    if (found.length !== teamIds.length) throw invalid("One of the chosen teams no longer exists; reload and choose again.", "teamIds");
  }
  if (input.maxSeverityRank != null) {
    const [severity] = await tx.select({ rank: severities.rank }).from(severities).where(eq(severities.rank, input.maxSeverityRank));
    if (!severity) throw invalid("Choose a severity from the list.", "maxSeverityRank");
  }
}
