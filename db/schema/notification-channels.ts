import { bigint, bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { deliveryStatuses, drillFilters, notificationChannelKinds, type OutgoingEventType } from "../enums";
import { incidents } from "./incidents";
import { users } from "./users";

export { notificationChannelKinds, outgoingEventTypes, type NotificationChannelKind, type OutgoingEventType } from "../enums";
export const notificationChannelKind = pgEnum("notification_channel_kind", notificationChannelKinds);
export const drillFilter = pgEnum("drill_filter", drillFilters);
export const deliveryStatus = pgEnum("delivery_status", deliveryStatuses);

// Where Daytwo tells the outside world: a Slack or Teams webhook, a signed generic webhook, or a list
// address. The URL (or address) and the signing secret are sealed at rest (server/crypto/secret-box.ts)
// and never shown again in full; `targetHint` is what the settings page shows instead.
export const notificationChannels = pgTable(
  "notification_channels",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    kind: notificationChannelKind().notNull(),
    targetSealed: text().notNull(),
    targetHint: text().notNull(),
    // Standard Webhooks secret (`whsec_…`); while rotating, the previous one signs too until it expires.
    secretSealed: text(),
    previousSecretSealed: text(),
    previousSecretExpiresAt: timestamp({ withTimezone: true }),
    eventTypes: jsonb().$type<OutgoingEventType[]>().notNull().default([]),
    // Only incidents this severe or worse (rank 1 = SEV1); null: every severity.
    maxSeverityRank: integer(),
    serviceIds: jsonb().$type<string[]>().notNull().default([]),
    teamIds: jsonb().$type<string[]>().notNull().default([]),
    drills: drillFilter().notNull().default("exclude"),
    // A private incident's content goes only to channels marked for it.
    includePrivate: boolean().notNull().default(false),
    isEnabled: boolean().notNull().default(true),
    disabledReason: text(),
    // The first failed delivery since the last success: failing for 3 days disables the channel.
    failingSince: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("notification_channels_created_idx").on(t.createdAt)],
);

// Events waiting to be fanned out to channels: written in the same transaction as what happened (the
// timeline event, the overdue reminder), so a crash can never lose one. A dispatcher turns rows into
// deliveries and deletes them in one transaction (rows locked SKIP LOCKED: several processes share).
export const notificationOutbox = pgTable("notification_outbox", {
  id: bigserial({ mode: "number" }).primaryKey(),
  type: text().$type<OutgoingEventType>().notNull(),
  incidentId: uuid().references(() => incidents.id),
  eventId: bigint({ mode: "number" }),
  // Who caused it: followers are not told of their own actions.
  actorId: uuid(),
  data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// One delivery per (channel, event). Its id is the `webhook-id` receivers deduplicate on, so every
// retry and every redelivery carries the same one; the body is fixed when the delivery is made.
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: text().primaryKey(),
    channelId: uuid()
      .notNull()
      .references(() => notificationChannels.id),
    outboxId: bigint({ mode: "number" }),
    type: text().$type<OutgoingEventType | "test">().notNull(),
    incidentId: uuid().references(() => incidents.id),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: deliveryStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notification_deliveries_channel_outbox_key").on(t.channelId, t.outboxId),
    index("notification_deliveries_due_idx").on(t.nextAttemptAt),
    index("notification_deliveries_channel_created_idx").on(t.channelId, t.createdAt),
  ],
);

// Every attempt, for the channel's delivery log.
export const notificationAttempts = pgTable(
  "notification_attempts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    deliveryId: text()
      .notNull()
      .references(() => notificationDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    statusCode: integer(),
    durationMs: integer().notNull(),
    // The first 1 KB of the answer, or what went wrong before there was one.
    response: text().notNull().default(""),
    error: text(),
  },
  (t) => [index("notification_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt)],
);

export type NotificationChannel = typeof notificationChannels.$inferSelect;
export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;
