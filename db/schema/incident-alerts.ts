import { index, jsonb, uniqueIndex, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { alerts } from "./alerts";
import { incidents } from "./incidents";
import { users } from "./users";

// Alerts attached to an incident: their labels drive runbook suggestions.
export const incidentAlerts = pgTable(
  "incident_alerts",
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    title: text().notNull(),
    labels: jsonb().$type<Record<string, string>>().notNull().default({}),
    source: text().notNull().default("manual"),
    firedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attachedById: uuid().references(() => users.id),
    // The ingested alert this row stands for (null when attached by hand).
    alertId: uuid().references(() => alerts.id),
  },
  (t) => [index("incident_alerts_incident_idx").on(t.incidentId), uniqueIndex("incident_alerts_alert_key").on(t.alertId)],
);
