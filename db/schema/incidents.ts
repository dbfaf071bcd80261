import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { incidentKinds, incidentStatuses } from "../enums";
import { severities } from "./severities";
import { users } from "./users";

export const incidentStatus = pgEnum("incident_status", incidentStatuses);
export const incidentKind = pgEnum("incident_kind", incidentKinds);

export type IncidentLink = { label: string; url: string };

export const incidents = pgTable(
  "incidents",
  {
    id: uuid().primaryKey().defaultRandom(),
    // INC-<number>: allocated from workspace.last_incident_number under a row lock, so gapless and unique.
    number: integer().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    severityId: integer()
      .notNull()
      .references(() => severities.id),
    status: incidentStatus().notNull().default("triage"),
    kind: incidentKind().notNull().default("incident"),
    isPrivate: boolean().notNull().default(false),
    customerImpact: text().notNull().default(""),
    links: jsonb().$type<IncidentLink[]>().notNull().default([]),
    // Why it was declined, merged or canceled.
    closingReason: text(),
    mergedIntoId: uuid().references((): AnyPgColumn => incidents.id),
    impactStartedAt: timestamp({ withTimezone: true }),
    detectedAt: timestamp({ withTimezone: true }),
    declaredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    mitigatedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    // Optimistic concurrency: every mutation names the version it read and bumps it.
    version: integer().notNull().default(1),
    // Per-incident event counter, bumped under the same row lock: timeline order = commit order.
    lastEventSeq: integer().notNull().default(0),
    declaredById: uuid()
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("incidents_number_key").on(t.number),
    // The list's default order (newest first) and its keyset cursor.
    index("incidents_declared_idx").on(t.declaredAt.desc(), t.id.desc()),
    index("incidents_status_declared_idx").on(t.status, t.declaredAt.desc(), t.id.desc()),
    // The list's default "active first" order; the expression must match activeRank in list-cursor.ts.
    index("incidents_active_first_idx").on(sql`(case when ${t.status} in ('triage', 'investigating', 'identified', 'monitoring') then 0 else 1 end)`, t.declaredAt.desc(), t.id.desc()),
    index("incidents_severity_idx").on(t.severityId),
    index("incidents_title_search_idx").using("gin", sql`to_tsvector('simple', ${t.title} || ' ' || ${t.summary})`),
    check("incidents_merge_target", sql`(${t.status} = 'merged') = (${t.mergedIntoId} is not null)`),
  ],
);

export type Incident = typeof incidents.$inferSelect;
