// The incident lifecycle, shared by the server (which enforces it) and the browser (which offers it).
import type { IncidentStatus } from "@/db/enums";

export { incidentKinds, incidentStatuses, type IncidentKind, type IncidentStatus } from "@/db/enums";

export const openStatuses: readonly IncidentStatus[] = ["triage", "investigating", "identified", "monitoring"];
export const terminalStatuses: readonly IncidentStatus[] = ["declined", "merged", "canceled"];
export const isOpen = (status: IncidentStatus) => openStatuses.includes(status);
/** Closed, declined, merged or canceled: the response is over and its record is final until reopened. */
export const isClosedOut = (status: IncidentStatus) => status === "closed" || terminalStatuses.includes(status);

// Forward moves, plus the reopen paths. Declined/merged/canceled need a reason; merged needs a target.
export const allowedTransitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  triage: ["investigating", "identified", "monitoring", "resolved", "declined", "merged", "canceled"],
  investigating: ["identified", "monitoring", "resolved", "merged", "canceled"],
  identified: ["investigating", "monitoring", "resolved", "merged", "canceled"],
  monitoring: ["investigating", "identified", "resolved"],
  resolved: ["closed", "investigating"],
  closed: ["investigating"],
  declined: ["triage"],
  canceled: ["triage"],
  merged: [],
};

export const canTransition = (from: IncidentStatus, to: IncidentStatus) => allowedTransitions[from].includes(to);
export const needsReason = (to: IncidentStatus) => terminalStatuses.includes(to);

export const milestones = ["impactStartedAt", "detectedAt", "declaredAt", "acknowledgedAt", "mitigatedAt", "resolvedAt", "closedAt"] as const;
export type Milestone = (typeof milestones)[number];

export const milestoneLabels: Record<Milestone, string> = {
  impactStartedAt: "Impact started",
  detectedAt: "Detected",
  declaredAt: "Declared",
  acknowledgedAt: "Acknowledged",
  mitigatedAt: "Mitigated",
  resolvedAt: "Resolved",
  closedAt: "Closed",
};

export const statusLabels: Record<IncidentStatus, string> = {
  triage: "Triage",
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  closed: "Closed",
  declined: "Declined",
  merged: "Merged",
  canceled: "Canceled",
};

/** The milestones a transition stamps when they are still empty (reopen clears resolved/closed). */
export function milestonesStampedBy(to: IncidentStatus): Milestone[] {
  switch (to) {
    case "investigating":
    case "identified":
      return ["acknowledgedAt"];
    case "monitoring":
      return ["acknowledgedAt", "mitigatedAt"];
    case "resolved":
      return ["acknowledgedAt", "mitigatedAt", "resolvedAt"];
    case "closed":
      return ["closedAt"];
    default:
      return [];
  }
}

/** Milestones must be in this order where both are set; returns the first pair out of order. */
export function findMilestoneOrderError(values: Partial<Record<Milestone, Date | null>>): string | null {
  let previous: { name: Milestone; at: Date } | null = null;
  for (const name of milestones) {
    const at = values[name];
    if (!at) continue;
    if (previous && at < previous.at) return `${milestoneLabels[name]} cannot be before ${milestoneLabels[previous.name].toLowerCase()}.`;
    previous = { name, at };
  }
  return null;
}
