import { sql } from "drizzle-orm";
import { check, index, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { incidents } from "./incidents";
import { services } from "./services";
import { users } from "./users";

// A person following an incident or a service: they hear of its changes in the app and by email
// (server/follows/fan-out.ts). Exactly one of the two targets is set. Whether a follower may see a
// private incident is decided when each message goes out, not here.
export const follows = pgTable(
  "follows",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    incidentId: uuid().references(() => incidents.id, { onDelete: "cascade" }),
    serviceId: uuid().references(() => services.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("follows_user_incident_key").on(t.userId, t.incidentId),
    uniqueIndex("follows_user_service_key").on(t.userId, t.serviceId),
    index("follows_incident_idx").on(t.incidentId),
    index("follows_service_idx").on(t.serviceId),
    check("follows_one_target", sql`num_nonnulls(${t.incidentId}, ${t.serviceId}) = 1`),
  ],
);

export type Follow = typeof follows.$inferSelect;
