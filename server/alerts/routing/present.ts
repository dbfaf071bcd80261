// Shared by the routing rule verbs: how a rule is shown and audited, loading one, and the lock every
// change to the order takes.
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type AlertRoutingRule, type AlertRuleMatcher, alertRoutingRules, severities } from "@/db/schema";
import type { LabelMatcher } from "@/lib/alert-matchers";
import { invalid, notFound } from "@/server/errors";
import type { AlertRuleOutput } from "./schemas";

// One key for the whole list: creating into an empty table has no row to lock, and two moves that
// each locked only their own rows could still hand out the same position.
const RULE_ORDER_LOCK = 7219101;

/** Every rule, locked for the rest of the transaction, in order: the one way to change positions. */
export async function lockRuleOrder(tx: DbOrTx): Promise<AlertRoutingRule[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(${RULE_ORDER_LOCK})`);
  return tx.select().from(alertRoutingRules).orderBy(asc(alertRoutingRules.position), asc(alertRoutingRules.createdAt)).for("update");
}

/** Writes positions 1…n in the given order, touching only rows whose position changed. */
export async function writeOrder(tx: DbOrTx, ordered: readonly AlertRoutingRule[]): Promise<void> {
  for (const [index, rule] of ordered.entries()) {
    if (rule.position !== index + 1)
      await tx
        .update(alertRoutingRules)
        .set({ position: index + 1 })
        .where(eq(alertRoutingRules.id, rule.id));
  }
}

export function findRule(rules: readonly AlertRoutingRule[], id: string): AlertRoutingRule {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) throw notFound("That routing rule");
  return rule;
}

/** Matchers as stored: the operator always written out ("=" when the input left it off). */
export const storedMatchers = (matchers: readonly LabelMatcher[]): AlertRuleMatcher[] => matchers.map(({ label, op = "=", value }) => ({ label, op, value }));

/** Refuses a severity that does not exist, naming the field, before anything is written. */
export async function assertSeverity(db: DbOrTx, severityId: number | null | undefined): Promise<void> {
  if (severityId === null || severityId === undefined) return;
  const [found] = await db.select({ id: severities.id }).from(severities).where(eq(severities.id, severityId)).limit(1);
  if (!found) throw invalid("That severity does not exist; choose one from the list.", "severityId");
}

export async function severityNames(db: DbOrTx): Promise<Map<number, string>> {
  const rows = await db.select({ id: severities.id, name: severities.name }).from(severities);
  return new Map(rows.map((row) => [row.id, row.name]));
}

export function presentRule(rule: AlertRoutingRule, names: ReadonlyMap<number, string>): AlertRuleOutput {
  return {
    id: rule.id,
    position: rule.position,
    name: rule.name,
    matchers: storedMatchers(rule.matchers),
    tier: rule.tier,
    severityId: rule.severityId,
    severityName: rule.severityId === null ? null : (names.get(rule.severityId) ?? null),
    serviceLabel: rule.serviceLabel,
    groupBy: rule.groupBy,
    windowMinutes: rule.windowMinutes,
    joinAcknowledgedWithinHours: rule.joinAcknowledgedWithinHours,
    isEnabled: rule.isEnabled,
    updatedAt: rule.updatedAt,
  };
}

/** The audit view of a rule: its settings, without timestamps. */
export const auditedRule = (rule: AlertRoutingRule) => ({
  position: rule.position,
  name: rule.name,
  matchers: rule.matchers,
  tier: rule.tier,
  severityId: rule.severityId,
  serviceLabel: rule.serviceLabel,
  groupBy: rule.groupBy,
  windowMinutes: rule.windowMinutes,
  joinAcknowledgedWithinHours: rule.joinAcknowledgedWithinHours,
  isEnabled: rule.isEnabled,
});
