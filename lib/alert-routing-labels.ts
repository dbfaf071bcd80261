// The words the alert routing and alert source pages use for tiers and auto-resolve modes.
import type { AlertAutoResolveMode, AlertTier } from "@/db/enums";

export { alertAutoResolveModes, alertTiers, type AlertAutoResolveMode, type AlertTier } from "@/db/enums";

/** What each tier does, as the rule form offers it. */
export const alertTierChoices: Record<AlertTier, string> = {
  info: "Info — recorded only",
  warning: "Warning — opens or joins a triage incident, nobody paged",
  critical: "Critical — declares an incident and pages the owner team",
};
export const alertTierNames: Record<AlertTier, string> = { info: "Info", warning: "Warning", critical: "Critical" };
export const TIER_FROM_ALERT = "From the alert's severity label";
export const SEVERITY_FROM_SERVICE = "From the service's tier (tier 1 → SEV1)";

export const autoResolveChoices: Record<AlertAutoResolveMode, string> = {
  event: "Only note it on the timeline",
  monitoring: "Move the incident to monitoring",
  resolve: "Resolve the incident",
};
