// Inputs and outputs of the routing rules admin: built from the shared validation blocks, so a rule
// the page can save is one ingestion can run (regexes compile, label names are Prometheus names).
import { z } from "zod";
import { alertMatcherOps, alertTiers } from "@/db/enums";
import { id } from "@/lib/validation/ids";
import { labelMatcher, labelName } from "@/lib/validation/label-matcher";
import { int4 } from "@/lib/validation/numbers";
import { text } from "@/lib/validation/text";

const settings = {
  name: text({ min: 1, minMessage: "Enter a name for this rule", max: 100 }),
  matchers: z.array(labelMatcher).max(20, "Use at most 20 matchers in one rule"),
  tier: z.enum(alertTiers, "Choose info, warning or critical, or keep the alert's own tier").nullable(),
  severityId: int4({ min: 1, message: "Choose a severity from the list" }).nullable(),
  serviceLabel: labelName,
  groupBy: z.array(labelName).max(10, "Group by at most 10 labels"),
  windowMinutes: int4({ min: 1, max: 1440, message: "Enter a window from 1 to 1440 minutes" }),
  joinAcknowledgedWithinHours: int4({ min: 1, max: 720, message: "Enter from 1 to 720 hours, or leave it empty" }).nullable(),
  isEnabled: z.boolean(),
};

export const createAlertRuleInput = z.object({
  name: settings.name,
  matchers: settings.matchers.default([]),
  tier: settings.tier.default(null),
  severityId: settings.severityId.default(null),
  serviceLabel: settings.serviceLabel.default("service"),
  groupBy: settings.groupBy.default([]),
  windowMinutes: settings.windowMinutes.default(30),
  joinAcknowledgedWithinHours: settings.joinAcknowledgedWithinHours.default(null),
  isEnabled: settings.isEnabled.default(true),
});

export const updateAlertRuleInput = z.object({
  id: id(),
  name: settings.name.optional(),
  matchers: settings.matchers.optional(),
  tier: settings.tier.optional(),
  severityId: settings.severityId.optional(),
  serviceLabel: settings.serviceLabel.optional(),
  groupBy: settings.groupBy.optional(),
  windowMinutes: settings.windowMinutes.optional(),
  joinAcknowledgedWithinHours: settings.joinAcknowledgedWithinHours.optional(),
  isEnabled: settings.isEnabled.optional(),
});

export const alertRuleIdInput = z.object({ id: id() });

// One step up or down, or straight to a 1-based position (past the end means last).
export const moveAlertRuleInput = z
  .object({
    id: id(),
    direction: z.enum(["up", "down"], "Move a rule up or down").optional(),
    position: int4({ min: 1, message: "Enter a position from 1" }).optional(),
  })
  .refine((input) => (input.direction === undefined) !== (input.position === undefined), { message: "Give either a direction or a position", path: ["position"] });

export const previewAlertRuleInput = z.object({
  labels: z.record(labelName, text({ max: 2_000, keepSpaces: true })).refine((labels) => Object.keys(labels).length <= 100, "Try at most 100 labels at once"),
  // The alert's severity label, when it is not among the labels; it gives the tier a rule may keep.
  severity: text({ max: 100 }).optional(),
});

const matcherOutput = z.object({ label: z.string(), op: z.enum(alertMatcherOps), value: z.string() });

export const alertRuleOutput = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  matchers: z.array(matcherOutput),
  tier: z.enum(alertTiers).nullable(),
  severityId: z.number().int().nullable(),
  severityName: z.string().nullable(),
  serviceLabel: z.string(),
  groupBy: z.array(z.string()),
  windowMinutes: z.number().int(),
  joinAcknowledgedWithinHours: z.number().int().nullable(),
  isEnabled: z.boolean(),
  updatedAt: z.date(),
});
export type AlertRuleOutput = z.infer<typeof alertRuleOutput>;

export const alertRulePreviewOutput = z.object({
  /** Null when no enabled rule matched and the built-in default applies. */
  rule: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  ruleName: z.string(),
  /** The tier the alert's own severity label gives, before the rule. */
  alertTier: z.enum(alertTiers),
  tier: z.enum(alertTiers),
  groupKey: z.string(),
  severityName: z.string().nullable(),
});
