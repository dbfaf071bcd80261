import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { alertAutoResolveModes, alertSourceKinds } from "../enums";
import { users } from "./users";

export { alertSourceKinds, type AlertSourceKind } from "../enums";
export const alertSourceKind = pgEnum("alert_source_kind", alertSourceKinds);
export const alertAutoResolveMode = pgEnum("alert_auto_resolve_mode", alertAutoResolveModes);

// A monitoring system allowed to post alerts to /api/alerts/<id>. The token is shown once and kept
// only as its SHA-256; the HMAC secret is needed to verify signatures, so it is kept encrypted
// (server/alerts/secret-box.ts) rather than hashed.
export const alertSources = pgTable(
  "alert_sources",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    kind: alertSourceKind().notNull(),
    tokenHash: text().notNull(),
    // The token's first characters ("dta_AbCd"), so an admin can tell which token a sender holds.
    tokenPrefix: text().notNull(),
    hmacSecretEncrypted: text(),
    hmacHeader: text().notNull().default("X-Grafana-Alerting-Signature"),
    // Empty: the signature covers the body alone; set: it covers "{timestamp}:{body}".
    timestampHeader: text().notNull().default(""),
    toleranceSeconds: integer().notNull().default(300),
    rateLimitPerMinute: integer().notNull().default(6000),
    isEnabled: boolean().notNull().default(true),
    // When every alert of an incident this source opened has resolved: only say so on the timeline,
    // move it to monitoring, or resolve it.
    autoResolve: alertAutoResolveMode().notNull().default("event"),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Deleted sources keep their alerts; their URL answers 404 like an unknown one.
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("alert_sources_created_idx").on(t.createdAt)],
);

export type AlertSource = typeof alertSources.$inferSelect;
