import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Failed sign-ins per key ("email:…" or "ip:…") in a fixed window; shared by every app instance.
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
