import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { teams } from "./teams";
import { userRole, users } from "./users";

// API tokens. Only the SHA-256 of a token is kept; `prefix` is its first characters, enough to tell
// tokens apart in a list. Each token acts through its own account (`actorUserId`, a system user that
// can never sign in), so timelines and the audit log name the token and it outlives its creator.
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    prefix: text().notNull(),
    tokenHash: text().notNull(),
    scopes: jsonb().$type<string[]>().notNull().default([]),
    // The most this token may do; a personal token is further held to its owner's current role.
    role: userRole().notNull(),
    teamId: uuid().references(() => teams.id, { onDelete: "cascade" }),
    actorUserId: uuid()
      .notNull()
      .references(() => users.id),
    // Set for personal tokens: they stop working when their owner is deactivated.
    ownerId: uuid().references(() => users.id),
    createdById: uuid()
      .notNull()
      .references(() => users.id),
    requestsPerMinute: integer().notNull().default(1200),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    lastUsedFrom: text(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash), index("api_tokens_owner_idx").on(t.ownerId), index("api_tokens_created_idx").on(t.createdAt)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

// Requests per token in the current one-minute window, shared by every instance (UNLOGGED, like
// alert_source_rate: a crash only forgets part of one minute's count).
export const apiTokenRate = pgTable("api_token_rate", {
  tokenId: uuid()
    .primaryKey()
    .references(() => apiTokens.id, { onDelete: "cascade" }),
  windowStartedAt: timestamp({ withTimezone: true }).notNull(),
  requests: integer().notNull().default(0),
});

// One row per (token, Idempotency-Key): the first request claims it, later ones with the same key get
// its stored answer. `requestHash` catches a key reused for a different request.
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    tokenId: uuid()
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    key: text().notNull(),
    requestHash: text().notNull(),
    isDone: boolean().notNull().default(false),
    status: integer(),
    body: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] }), index("api_idempotency_keys_created_idx").on(t.createdAt)],
);
