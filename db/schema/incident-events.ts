import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { incidents } from "./incidents";
import { users } from "./users";

// The timeline: append-only (a trigger refuses UPDATE/DELETE). A correction is a new event
// whose supersedesId points at the event it replaces.
export const incidentEvents = pgTable(
  "incident_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    seq: integer().notNull(),
    // The incident version this event's change produced: lets a stale writer see what it missed.
    version: integer().notNull(),
    kind: text().notNull(),
    actorId: uuid().references(() => users.id),
    // When it happened (notes may be about the past); recordedAt is when it was written.
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    body: text(),
    supersedesId: bigint({ mode: "number" }).references((): AnyPgColumn => incidentEvents.id),
  },
  (t) => [
    uniqueIndex("incident_events_seq_key").on(t.incidentId, t.seq),
    index("incident_events_actor_idx").on(t.actorId),
    // The timeline joins each event to its correction; without this every read scans all events.
    index("incident_events_supersedes_idx").on(t.supersedesId).where(sql`${t.supersedesId} is not null`),
  ],
);

// Highlight state is separate so events themselves never change.
export const incidentEventHighlights = pgTable("incident_event_highlights", {
  eventId: bigint({ mode: "number" })
    .primaryKey()
    .references(() => incidentEvents.id),
  highlightedById: uuid()
    .notNull()
    .references(() => users.id),
  highlightedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type IncidentEvent = typeof incidentEvents.$inferSelect;
