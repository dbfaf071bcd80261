import { sql, type SQL } from "drizzle-orm";
import { check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { incidentKind } from "./incidents";
import { services } from "./services";
import { teams } from "./teams";
import { users } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

// One label matcher, e.g. alertname=HighErrorRate. A runbook matches an alert when every matcher does.
import type { AlertMatcherOp } from "../enums";

// Stored before operators existed, a matcher has no `op`: it means "=".
export type AlertMatcher = { label: string; op?: AlertMatcherOp; value: string };
// A tiptap document as stored: JSON, rendered through the allow-list in lib/editor/to-html.ts.
export type RichDocument = { type: "doc"; content?: unknown[] };

// A runbook and the services it covers. Its revisions, its use in incidents and its feedback live beside it
// (runbook-revisions.ts, incident-runbooks.ts, runbook-feedback.ts); alerts that drive suggestions in incident-alerts.ts.

// The current state of a runbook; every save also writes a runbook_revisions row.
export const runbooks = pgTable(
  "runbooks",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    body: jsonb().$type<RichDocument>().notNull(),
    // Plain text of the body, kept for full-text search and for the revision diff.
    bodyText: text().notNull().default(""),
    ownerTeamId: uuid().references(() => teams.id, { onDelete: "set null" }),
    incidentKinds: incidentKind().array().notNull().default(sql`'{}'`),
    severityIds: integer().array().notNull().default(sql`'{}'`),
    alertMatchers: jsonb().$type<AlertMatcher[]>().notNull().default([]),
    reviewIntervalDays: integer().notNull().default(90),
    revision: integer().notNull().default(1),
    lastReviewedAt: timestamp({ withTimezone: true }),
    lastReviewedById: uuid().references(() => users.id),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdById: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
    search: tsvector().generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('english', ${runbooks.title}), 'A') || setweight(to_tsvector('english', ${runbooks.summary}), 'B') || to_tsvector('english', ${runbooks.bodyText})`,
    ),
  },
  (t) => [index("runbooks_search_idx").using("gin", t.search), index("runbooks_owner_team_idx").on(t.ownerTeamId), check("runbooks_review_interval", sql`${t.reviewIntervalDays} between 1 and 730`)],
);

export const runbookServices = pgTable(
  "runbook_services",
  {
    runbookId: uuid()
      .notNull()
      .references(() => runbooks.id, { onDelete: "cascade" }),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.runbookId, t.serviceId] }), index("runbook_services_service_idx").on(t.serviceId)],
);

export type Runbook = typeof runbooks.$inferSelect;
