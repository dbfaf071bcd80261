import { integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { alertSources } from "./alert-sources";

// Requests accepted per source in the current one-minute window: one row per source, shared by every
// app instance, so the limit holds however many instances receive the posts.
export const alertSourceRate = pgTable("alert_source_rate", {
  sourceId: uuid()
    .primaryKey()
    .references(() => alertSources.id, { onDelete: "cascade" }),
  windowStartedAt: timestamp({ withTimezone: true }).notNull(),
  requests: integer().notNull().default(0),
});
