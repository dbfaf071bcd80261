// Which routing rule an alert falls under, and what that decides: its tier and its group key. Pure,
// so the rules page can preview a label set with exactly the logic ingestion runs.
import type { AlertTier } from "@/db/enums";
import type { AlertRoutingRule } from "@/db/schema";
import { matchesAll } from "@/lib/alert-matchers";

export type RoutingRule = Pick<AlertRoutingRule, "name" | "matchers" | "tier" | "severityId" | "serviceLabel" | "groupBy" | "windowMinutes" | "joinAcknowledgedWithinHours"> & {
  /** Null for the built-in default rule. */
  id: string | null;
};

/** Applies when no enabled rule matches, so routing works with no configuration. */
export const DEFAULT_RULE: RoutingRule = {
  id: null,
  name: "Default: tier from the alert's severity label",
  matchers: [],
  tier: null,
  severityId: null,
  serviceLabel: "service",
  groupBy: [],
  windowMinutes: 30,
  joinAcknowledgedWithinHours: null,
};

/** Label names tried after the rule's own when looking for the affected service. */
const SERVICE_LABEL_FALLBACKS = ["service", "component", "app", "job"];

export type RoutedAlert = { labels: Record<string, string>; tier: AlertTier; senderGroupKey: string | null; fingerprint: string };
export type Decision = { rule: RoutingRule; tier: AlertTier; groupKey: string };

/** The first enabled rule (in order) whose matchers all hold, else the default. */
export function pickRule(rules: readonly RoutingRule[], labels: Record<string, string>): RoutingRule {
  return rules.find((rule) => matchesAll(rule.matchers, labels)) ?? DEFAULT_RULE;
}

/**
 * Alerts with the same key join the same incident. The rule's label set when it names one; else the
 * sender's own group (Alertmanager's groupKey, scoped to the source); else service and alertname;
 * else the alert alone.
 */
export function groupKeyFor(rule: RoutingRule, alert: RoutedAlert, sourceId: string): string {
  const byLabels = (names: readonly string[]) => `labels:${JSON.stringify(names.map((name) => [name, alert.labels[name] ?? ""]))}`;
  if (rule.groupBy.length > 0) return byLabels(rule.groupBy);
  if (alert.senderGroupKey) return `sender:${sourceId}:${alert.senderGroupKey}`;
  if (alert.labels.service || alert.labels.alertname) return byLabels(["service", "alertname"]);
  return `alert:${sourceId}:${alert.fingerprint}`;
}

export function decide(rules: readonly RoutingRule[], alert: RoutedAlert, sourceId: string): Decision {
  const rule = pickRule(rules, alert.labels);
  return { rule, tier: rule.tier ?? alert.tier, groupKey: groupKeyFor(rule, alert, sourceId) };
}

/** The label values that may name the affected service, the rule's label first. */
export function serviceNames(rule: RoutingRule, labels: Record<string, string>): string[] {
  const names = [rule.serviceLabel, ...SERVICE_LABEL_FALLBACKS].map((label) => labels[label]?.trim()).filter((value): value is string => Boolean(value));
  return [...new Set(names)];
}
