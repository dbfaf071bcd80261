import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// One row per signed-in browser: the session cookie names its id, and every request checks the row
// is still here. Signing out deletes it, so a copied cookie stops working at once rather than at
// its expiry; "sign out everywhere" and a deactivation delete all of a person's rows.
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
export type SessionRow = typeof sessions.$inferSelect;
