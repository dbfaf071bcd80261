import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { AlertMatcherOp } from "../enums";
import { alertTier } from "./alerts";
import { severities } from "./severities";

export type AlertRuleMatcher = { label: string; op: AlertMatcherOp; value: string };

// Ordered routing rules (lowest position first): the first enabled rule whose matchers all match an
// alert decides its tier and what it does. When none matches, the built-in default rule
// (server/alerts/routing/default-rule.ts) applies, so routing works with no configuration.
export const alertRoutingRules = pgTable(
  "alert_routing_rules",
  {
    id: uuid().primaryKey().defaultRandom(),
    position: integer().notNull(),
    name: text().notNull(),
    matchers: jsonb().$type<AlertRuleMatcher[]>().notNull().default([]),
    // Null: keep the tier the alert's own severity label gives.
    tier: alertTier(),
    // Null: derived from the affected service's tier (tier 1 → the most severe level).
    severityId: integer().references(() => severities.id),
    // The label whose value names the affected service in the catalog.
    serviceLabel: text().notNull().default("service"),
    // Labels whose values form the group key; empty: the sender's own group (Alertmanager's
    // groupKey), else the service and alertname labels.
    groupBy: jsonb().$type<string[]>().notNull().default([]),
    windowMinutes: integer().notNull().default(30),
    // An incident acknowledged longer ago than this no longer takes new alerts (a new one opens);
    // null: it takes them for as long as it is open.
    joinAcknowledgedWithinHours: integer(),
    isEnabled: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("alert_routing_rules_position_idx").on(t.position)],
);

export type AlertRoutingRule = typeof alertRoutingRules.$inferSelect;
