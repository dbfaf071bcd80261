import { boolean, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { postMortemStatuses } from "../enums";
import { incidents } from "./incidents";
import { users } from "./users";

export const postMortemStatus = pgEnum("post_mortem_status", postMortemStatuses);

// Yjs document state: binary, written by the co-editing server.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export type TemplateSection = { title: string; guidance: string };

export const postMortemTemplates = pgTable("post_mortem_templates", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  sections: jsonb().$type<TemplateSection[]>().notNull(),
  isDefault: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const postMortems = pgTable(
  "post_mortems",
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    // Informational only: the sections are copied at start, so deleting a template keeps its post-mortems.
    templateId: uuid().references(() => postMortemTemplates.id, { onDelete: "set null" }),
    status: postMortemStatus().notNull().default("draft"),
    revision: integer().notNull().default(1),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    // Section guidance copied from the template at start, for the editor's placeholders.
    sections: jsonb().$type<TemplateSection[]>().notNull(),
    documentState: bytea(),
    // JSON snapshot of the document (tiptap JSON), kept in step with documentState on every store.
    content: jsonb().$type<Record<string, unknown>>(),
    reviewDueAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    publishedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("post_mortems_incident_key").on(t.incidentId), index("post_mortems_status_idx").on(t.status, t.updatedAt.desc())],
);

export type PostMortem = typeof postMortems.$inferSelect;

export const reviewDecisions = ["pending", "approved", "changes_requested"] as const;
export const reviewDecision = pgEnum("review_decision", reviewDecisions);

// One row per reviewer per revision: a reopened post-mortem is reviewed afresh.
export const postMortemReviews = pgTable(
  "post_mortem_reviews",
  {
    postMortemId: uuid()
      .notNull()
      .references(() => postMortems.id),
    revision: integer().notNull(),
    reviewerId: uuid()
      .notNull()
      .references(() => users.id),
    decision: reviewDecision().notNull().default("pending"),
    comment: text(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.postMortemId, t.revision, t.reviewerId] }), index("post_mortem_reviews_reviewer_idx").on(t.reviewerId)],
);

// A blameless flag someone judged acceptable, with their reason; per revision, keyed by rule + phrase.
export const postMortemFlagDismissals = pgTable(
  "post_mortem_flag_dismissals",
  {
    postMortemId: uuid()
      .notNull()
      .references(() => postMortems.id),
    revision: integer().notNull(),
    flagKey: text().notNull(),
    reason: text().notNull(),
    dismissedById: uuid()
      .notNull()
      .references(() => users.id),
    dismissedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postMortemId, t.revision, t.flagKey] })],
);
