import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { incidents } from "./incidents";
import { runbooks } from "./runbooks";
import { users } from "./users";

// "Was this helpful?" from a responder who used the runbook in an incident.
export const runbookFeedback = pgTable(
  "runbook_feedback",
  {
    id: uuid().primaryKey().defaultRandom(),
    runbookId: uuid()
      .notNull()
      .references(() => runbooks.id, { onDelete: "cascade" }),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    helpful: boolean().notNull(),
    comment: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("runbook_feedback_once_key").on(t.runbookId, t.incidentId, t.userId)],
);
