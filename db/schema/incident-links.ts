import { index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { incidents } from "./incidents";
import { services } from "./services";
import { users } from "./users";

export const incidentServices = pgTable(
  "incident_services",
  {
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    serviceId: uuid()
      .notNull()
      .references(() => services.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.serviceId] }), index("incident_services_service_idx").on(t.serviceId, t.incidentId)],
);

// Who may see a private incident (admins always can). Everyone who takes part is added.
export const incidentParticipants = pgTable(
  "incident_participants",
  {
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    addedById: uuid().references(() => users.id),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.userId] }), index("incident_participants_user_idx").on(t.userId)],
);

// Presence: who has the incident open, refreshed by the page every few seconds.
export const incidentViewers = pgTable(
  "incident_viewers",
  {
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    seenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.userId] })],
);
