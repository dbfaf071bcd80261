// One believable event of every catalogue kind. Typed by the catalogue, so a new kind without a
// sample fails the typecheck, and the tests that walk every kind cover it.
import type { EventData, TimelineEventKind, TypedEventData } from "@/lib/events/catalogue";

const runbookStep = { runbookId: "rb-1", incidentRunbookId: "run-1", runbook: "Checkout rollback", stepId: "s-2", step: "Roll back" };

export const sampleEventData: { [K in TimelineEventKind]: EventData<K> } = {
  "incident.declared": { title: "Checkout errors", severity: "SEV2", kind: "incident", services: ["checkout"], isPrivate: false },
  "status.changed": { from: "triage", to: "investigating", reason: null, mergedInto: null, stamped: ["acknowledgedAt"], reopened: false },
  "severity.changed": { from: "SEV3", to: "SEV2" },
  "field.changed": { field: "title", label: "Title", from: "Checkout errors", to: "Checkout 502s" },
  "services.changed": { added: ["payments"], removed: [] },
  "visibility.changed": { isPrivate: true },
  "milestone.corrected": { milestone: "detectedAt", from: null, to: "2026-11-02T09:30:00.000Z" },
  "role.assigned": { role: "Incident commander", roleKey: "commander", user: "Cora Commander", userId: "u-1", previous: null },
  "role.released": { role: "Scribe", roleKey: "scribe", user: "Sam Scribe", userId: "u-2" },
  "participant.added": { user: "Out Sider", userId: "u-3" },
  "note.added": {},
  "status_update.posted": { status: "identified" },
  "post_mortem.started": { postMortemId: "pm-1", template: "Default" },
  "post_mortem.review_requested": { postMortemId: "pm-1", reviewers: ["Rita Reviewer"], dueAt: null },
  "post_mortem.reviewed": { postMortemId: "pm-1", reviewer: "Rita Reviewer", decision: "approved" },
  "post_mortem.published": { postMortemId: "pm-1", revision: 1 },
  "post_mortem.reopened": { postMortemId: "pm-1", revision: 2 },
  "action_item.created": { actionItemId: "ai-1", title: "Add a canary stage", owner: "Olu Owner", dueAt: "2026-12-01T00:00:00.000Z" },
  "action_item.status_changed": { actionItemId: "ai-1", title: "Add a canary stage", from: "open", to: "done", reason: null, label: "Done" },
  "action_item.updated": { actionItemId: "ai-1", title: "Add a canary stage", owner: "Ada Owner", dueAt: null, status: null, reason: null },
  "runbook.attached": { runbookId: "rb-1", incidentRunbookId: "run-1", title: "Checkout rollback", revision: 1, steps: 3 },
  "runbook.step_done": { ...runbookStep, position: 2, total: 3 },
  "runbook.step_undone": { ...runbookStep, position: 2, total: 3 },
  "runbook.step_noted": { ...runbookStep, cleared: false },
  "runbook.rated": { runbookId: "rb-1", runbook: "Checkout rollback", helpful: true },
  "alert.attached": { alertId: "al-1", title: "5xx rate high", labels: { service: "checkout" } },
  "alert.received": { alertId: "al-2", title: "Checkout latency", labels: { service: "checkout" }, source: "Prometheus", tier: "critical", opened: true },
  "alert.resolved": { alertId: "al-2", title: "Checkout latency", source: "Prometheus" },
  "alert.all_resolved": { action: "monitoring", applied: true, reason: null },
};

export const sampleEvents = Object.entries(sampleEventData).map(([kind, data]) => ({ kind, data }) as TypedEventData);
