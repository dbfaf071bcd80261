import { sql, type SQL } from "drizzle-orm";
import { boolean, check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { incidentKind, incidents } from "./incidents";
import { services } from "./services";
import { teams } from "./teams";
import { users } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

// One label matcher, e.g. alertname=HighErrorRate. A runbook matches an alert when every matcher does.
export type AlertMatcher = { label: string; value: string };
// A tiptap document as stored: JSON, rendered through the allow-list in lib/editor/to-html.ts.
export type RichDocument = { type: "doc"; content?: unknown[] };

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
    createdById: uuid().notNull().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
    search: tsvector().generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', ${runbooks.title}), 'A') || setweight(to_tsvector('english', ${runbooks.summary}), 'B') || to_tsvector('english', ${runbooks.bodyText})`,
    ),
  },
  (t) => [
    index("runbooks_search_idx").using("gin", t.search),
    index("runbooks_owner_team_idx").on(t.ownerTeamId),
    check("runbooks_review_interval", sql`${t.reviewIntervalDays} between 1 and 730`),
  ],
);

export const runbookServices = pgTable(
  "runbook_services",
  {
    runbookId: uuid().notNull().references(() => runbooks.id, { onDelete: "cascade" }),
    serviceId: uuid().notNull().references(() => services.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.runbookId, t.serviceId] }), index("runbook_services_service_idx").on(t.serviceId)],
);

// Every save is a revision; restoring an old one writes a new revision with restoredFrom set.
export const runbookRevisions = pgTable(
  "runbook_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    runbookId: uuid().notNull().references(() => runbooks.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    body: jsonb().$type<RichDocument>().notNull(),
    bodyText: text().notNull().default(""),
    note: text().notNull().default(""),
    restoredFrom: integer(),
    authorId: uuid().notNull().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("runbook_revisions_number_key").on(t.runbookId, t.number)],
);

// A runbook attached to an incident, pinned to the revision that was current when attached.
export const incidentRunbooks = pgTable(
  "incident_runbooks",
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid().notNull().references(() => incidents.id),
    runbookId: uuid().notNull().references(() => runbooks.id),
    revision: integer().notNull(),
    attachedById: uuid().notNull().references(() => users.id),
    attachedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("incident_runbooks_key").on(t.incidentId, t.runbookId), index("incident_runbooks_runbook_idx").on(t.runbookId)],
);

// Current state of one checklist step in run mode; each change is also a timeline event.
export const runbookStepStates = pgTable(
  "runbook_step_states",
  {
    incidentRunbookId: uuid().notNull().references(() => incidentRunbooks.id, { onDelete: "cascade" }),
    // The checklist step node's stable id attribute.
    stepId: text().notNull(),
    done: boolean().notNull().default(false),
    doneById: uuid().references(() => users.id),
    doneAt: timestamp({ withTimezone: true }),
    note: text().notNull().default(""),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentRunbookId, t.stepId] })],
);

// "Was this helpful?" from a responder who used the runbook in an incident.
export const runbookFeedback = pgTable(
  "runbook_feedback",
  {
    id: uuid().primaryKey().defaultRandom(),
    runbookId: uuid().notNull().references(() => runbooks.id, { onDelete: "cascade" }),
    incidentId: uuid().notNull().references(() => incidents.id),
    userId: uuid().notNull().references(() => users.id),
    helpful: boolean().notNull(),
    comment: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("runbook_feedback_once_key").on(t.runbookId, t.incidentId, t.userId)],
);

// Alerts attached to an incident: their labels drive runbook suggestions.
export const incidentAlerts = pgTable(
  "incident_alerts",
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid().notNull().references(() => incidents.id),
    title: text().notNull(),
    labels: jsonb().$type<Record<string, string>>().notNull().default({}),
    source: text().notNull().default("manual"),
    firedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attachedById: uuid().references(() => users.id),
  },
  (t) => [index("incident_alerts_incident_idx").on(t.incidentId)],
);

export type Runbook = typeof runbooks.$inferSelect;
export type RunbookRevision = typeof runbookRevisions.$inferSelect;
