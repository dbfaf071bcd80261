import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./users";

// In-app notifications behind the bell. One row per recipient.
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    // A path inside the app, e.g. /action-items?item=…
    href: text().notNull().default("/"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("notifications_user_created_idx").on(t.userId, t.createdAt), index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`)],
);

// The once-only ledger: a reminder is sent at most once per rule key (e.g. "due_soon:<item>:<due date>").
// Inserted in the same transaction as its notification; the email is an outbox row sent afterwards.
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    ruleKey: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    notificationId: uuid().references(() => notifications.id),
    emailTo: text(),
    emailSubject: text(),
    emailText: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    emailedAt: timestamp({ withTimezone: true }),
    emailError: text(),
    // Outbox bookkeeping: a claim pushes the next attempt out (a lease, so a crashed sender's row comes
    // back later); a failure pushes it out with backoff; null means no more attempts (sent, skipped, gave up).
    emailAttempts: integer().notNull().default(0),
    emailNextAttemptAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("reminder_deliveries_email_pending_idx").on(t.createdAt).where(sql`${t.emailedAt} is null and ${t.emailTo} is not null`),
    index("reminder_deliveries_email_due_idx").on(t.emailNextAttemptAt).where(sql`${t.emailedAt} is null and ${t.emailNextAttemptAt} is not null`),
  ],
);
