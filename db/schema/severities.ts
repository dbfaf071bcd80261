import { integer, pgTable, text } from "drizzle-orm/pg-core";

// SEV1 (critical) … SEV4 (minor): rank 1 is the worst. Rows are created by migration 0003.
export const severities = pgTable("severities", {
  id: integer().primaryKey(),
  name: text().notNull(),
  rank: integer().notNull().unique(),
  description: text().notNull().default(""),
});

export type Severity = typeof severities.$inferSelect;
