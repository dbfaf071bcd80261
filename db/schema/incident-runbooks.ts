import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { incidents } from "./incidents";
import { runbooks } from "./runbooks";
import { users } from "./users";

// A runbook attached to an incident, pinned to the revision that was current when attached.
export const incidentRunbooks = pgTable(
  "incident_runbooks",
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    runbookId: uuid()
      .notNull()
      .references(() => runbooks.id),
    revision: integer().notNull(),
    attachedById: uuid()
      .notNull()
      .references(() => users.id),
    attachedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("incident_runbooks_key").on(t.incidentId, t.runbookId), index("incident_runbooks_runbook_idx").on(t.runbookId)],
);

// Current state of one checklist step in run mode; each change is also a timeline event.
export const runbookStepStates = pgTable(
  "runbook_step_states",
  {
    incidentRunbookId: uuid()
      .notNull()
      .references(() => incidentRunbooks.id, { onDelete: "cascade" }),
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
