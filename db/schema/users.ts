import { eq, sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { userRoles } from "../enums";

export { userRoles, type UserRole } from "../enums";
export const userRole = pgEnum("user_role", userRoles);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    role: userRole().notNull().default("responder"),
    // scrypt hash; null for accounts that only sign in through OIDC.
    passwordHash: text(),
    deactivatedAt: timestamp({ withTimezone: true }),
    // Accounts that act for the system (alert routing, API tokens): never people, never signed in.
    isSystem: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Emails are compared case-insensitively everywhere, so the unique key is on lower(email).
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.role),
  ],
);

export type User = typeof users.$inferSelect;

// The account alert routing acts as ("Daytwo alerts", created deactivated by migration 0017): it
// names the actor on timelines and in the audit log. Neither it nor an API token's account is a
// person, so every count or list of people leaves them out through `isPerson` (migration 0019).
export const ALERTS_USER_ID = "00000000-0000-4000-8000-00000000a1e7";
export const isPerson = eq(users.isSystem, false);
