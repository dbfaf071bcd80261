import type { z } from "zod";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { labelsFingerprint, tierFromSeverity } from "../formats/alert-record";
import { loadRoutingRules } from "./load-rules";
import { severityNames } from "./present";
import { decide } from "./rules";
import type { alertRulePreviewOutput, previewAlertRuleInput } from "./schemas";

// A preview has no source; the sender's own group key never applies to it.
const PREVIEW_SOURCE = "preview";

/** What ingestion would decide for an alert with these labels: the same rules, the same `decide`. */
export async function previewAlertRule({ ctx, input }: { ctx: ServiceContext; input: z.output<typeof previewAlertRuleInput> }): Promise<z.infer<typeof alertRulePreviewOutput>> {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can try alert routing rules.");
  const [rules, names] = await Promise.all([loadRoutingRules(ctx.db), severityNames(ctx.db)]);
  const alertTier = tierFromSeverity(input.severity ?? input.labels.severity ?? input.labels.priority);
  const decision = decide(rules, { labels: input.labels, tier: alertTier, senderGroupKey: null, fingerprint: labelsFingerprint(input.labels) }, PREVIEW_SOURCE);
  const { rule } = decision;
  return {
    rule: rule.id === null ? null : { id: rule.id, name: rule.name },
    ruleName: rule.name,
    alertTier,
    tier: decision.tier,
    groupKey: decision.groupKey,
    severityName: rule.severityId === null ? null : (names.get(rule.severityId) ?? null),
  };
}
