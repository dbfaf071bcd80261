import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { actionItemKinds, actionItemPriorities, actionItemStatuses } from "../enums";
import { incidents } from "./incidents";
import { postMortems } from "./post-mortems";
import { runbooks } from "./runbooks";
import { teams } from "./teams";
import { users } from "./users";

export const actionItemStatus = pgEnum("action_item_status", actionItemStatuses);
export const actionItemKind = pgEnum("action_item_kind", actionItemKinds);
export const actionItemPriority = pgEnum("action_item_priority", actionItemPriorities);

// Owned follow-up work. Built once for post-mortems, incidents and the leads' dashboard.
export const actionItems = pgTable(
  "action_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    description: text().notNull().default(""),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    teamId: uuid().references(() => teams.id),
    incidentId: uuid().references(() => incidents.id),
    postMortemId: uuid().references(() => postMortems.id),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    priority: actionItemPriority().notNull().default("medium"),
    kind: actionItemKind().notNull().default("prevent"),
    status: actionItemStatus().notNull().default("open"),
    wontDoReason: text(),
    doneAt: timestamp({ withTimezone: true }),
    doneById: uuid().references(() => users.id),
    trackerUrl: text(),
    // An action item may target a runbook ("update the checkout runbook"): counts against its freshness.
    runbookId: uuid().references(() => runbooks.id, { onDelete: "set null" }),
    createdById: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // "My action items" and the overdue views read by owner and due date.
    index("action_items_owner_due_idx").on(t.ownerId, t.dueAt),
    index("action_items_incident_idx").on(t.incidentId),
    index("action_items_post_mortem_idx").on(t.postMortemId),
    index("action_items_runbook_idx").on(t.runbookId).where(sql`${t.runbookId} is not null`),
    index("action_items_open_due_idx").on(t.dueAt).where(sql`${t.status} in ('open', 'in_progress')`),
    check("action_items_wont_do_reason", sql`${t.status} <> 'wont_do' or ${t.wontDoReason} is not null`),
    check("action_items_done_stamp", sql`${t.status} <> 'done' or ${t.doneAt} is not null`),
  ],
);

export type ActionItem = typeof actionItems.$inferSelect;
