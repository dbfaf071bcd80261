import { boolean, check, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

// Exactly one row: workspace-wide settings.
export const workspace = pgTable(
  "workspace",
  {
    id: integer().primaryKey().default(1),
    name: text().notNull().default("Daytwo"),
    // True when the demo seed created this workspace; the sign-in page then shows demo credentials.
    isDemo: boolean().notNull().default(false),
    // INC-<n> allocation: incremented under this row's lock inside the declaring transaction.
    lastIncidentNumber: integer().notNull().default(0),
    // Default action item due dates by severity rank, in days; admins may change them.
    dueDaysBySeverity: jsonb().$type<Record<string, number>>().notNull().default({ "1": 14, "2": 30, "3": 60, "4": 90 }),
    // Hosts outbound requests may reach even though they resolve to private or local addresses.
    outboundAllowHosts: jsonb().$type<string[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("workspace_single_row", sql`${t.id} = 1`)],
);
