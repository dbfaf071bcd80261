import { boolean, integer, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { incidentKind, incidentStatus } from "./incidents";

/**
 * How many incidents are in each status, by privacy, severity and kind: the list's status tabs read
 * a few of these rows instead of counting incidents (a scan of tens of thousands at 100k). Filters
 * on these few-valued columns are answered here too; the others (service, commander, dates, text)
 * count the matching incidents. Kept exact by a trigger on `incidents` (migration 0013), in the
 * same transaction as the change.
 */
export const incidentStatusCounts = pgTable(
  "incident_status_counts",
  {
    status: incidentStatus().notNull(),
    isPrivate: boolean().notNull(),
    // No foreign key: these are derived figures, and a zero row must not pin a severity.
    severityId: integer().notNull(),
    kind: incidentKind().notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.isPrivate, t.severityId, t.kind] })],
);
