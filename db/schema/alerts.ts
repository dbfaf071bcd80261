import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { alertStatuses, alertTiers } from "../enums";
import { alertSources } from "./alert-sources";
import { incidents } from "./incidents";

export { alertStatuses, alertTiers, type AlertStatus, type AlertTier } from "../enums";
export const alertStatus = pgEnum("alert_status", alertStatuses);
export const alertTier = pgEnum("alert_tier", alertTiers);

// One alert episode from a monitoring source: it opens firing, repeats update it (occurrences, last
// seen), and it ends resolved. A firing after that opens a new row.
export const alerts = pgTable(
  "alerts",
  {
    id: uuid().primaryKey().defaultRandom(),
    sourceId: uuid()
      .notNull()
      .references(() => alertSources.id),
    fingerprint: text().notNull(),
    status: alertStatus().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    labels: jsonb().$type<Record<string, string>>().notNull().default({}),
    annotations: jsonb().$type<Record<string, string>>().notNull().default({}),
    // From the `severity` label, or the routing rule that matched.
    tier: alertTier().notNull().default("info"),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    sourceUrl: text(),
    occurrences: integer().notNull().default(1),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    raw: jsonb().notNull(),
    incidentId: uuid().references(() => incidents.id),
    // Set by routing: alerts with the same key within the rule's window join the same incident.
    groupKey: text(),
    // The routing rule that decided the tier (null: the built-in default, or not routed yet).
    ruleId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Deduplication: at most one firing alert per (source, fingerprint); ingestion upserts on it, so
    // concurrent identical posts land on one row.
    uniqueIndex("alerts_open_fingerprint_key").on(t.sourceId, t.fingerprint).where(sql`status = 'firing'`),
    index("alerts_source_fingerprint_idx").on(t.sourceId, t.fingerprint, t.startedAt),
    index("alerts_last_seen_idx").on(t.lastSeenAt),
    index("alerts_incident_idx").on(t.incidentId),
    index("alerts_group_idx").on(t.groupKey, t.lastSeenAt).where(sql`${t.incidentId} is not null`),
    index("alerts_created_idx").on(t.createdAt),
  ],
);

export type Alert = typeof alerts.$inferSelect;
