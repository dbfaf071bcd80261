import { relations } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { teams } from "./teams";

// The service catalog: what incidents affect and runbooks are linked to.
export const services = pgTable(
  "services",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    description: text().notNull().default(""),
    // Tier 1 is customer-facing and critical; tier 3 is internal tooling.
    tier: integer().notNull().default(2),
    ownerTeamId: uuid().references(() => teams.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("services_name_key").on(t.name), index("services_owner_team_idx").on(t.ownerTeamId), check("services_tier_range", sql`${t.tier} between 1 and 3`)],
);

export const servicesRelations = relations(services, ({ one }) => ({
  ownerTeam: one(teams, { fields: [services.ownerTeamId], references: [teams.id] }),
}));

export type Service = typeof services.$inferSelect;
