import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { runbooks, type RichDocument } from "./runbooks";
import { users } from "./users";

// Every save is a revision; restoring an old one writes a new revision with restoredFrom set.
export const runbookRevisions = pgTable(
  "runbook_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    runbookId: uuid()
      .notNull()
      .references(() => runbooks.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    body: jsonb().$type<RichDocument>().notNull(),
    bodyText: text().notNull().default(""),
    note: text().notNull().default(""),
    restoredFrom: integer(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("runbook_revisions_number_key").on(t.runbookId, t.number)],
);

export type RunbookRevision = typeof runbookRevisions.$inferSelect;
