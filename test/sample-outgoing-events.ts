// One believable outgoing event of every type, typed by the catalogue: a new type without a sample
// fails the typecheck, and the formatter tests walk every one.
import type { IncidentSnapshot, OutgoingEvent, OutgoingEventTypeName } from "@/lib/outgoing-events";

export const sampleIncident = (overrides: Partial<IncidentSnapshot> = {}): IncidentSnapshot => ({
  id: "7f1c2b8e-3f55-4a5e-9a65-0d6a9b3e1c11",
  reference: "INC-42",
  title: "Checkout errors",
  severity: "SEV2",
  status: "investigating",
  kind: "incident",
  isPrivate: false,
  commander: { id: "u-1", name: "Cora Commander" },
  services: ["checkout", "payments"],
  latestUpdate: { body: "Rolling back the 14:02 deploy.", postedAt: "2026-12-02T14:10:00.000Z" },
  url: "https://daytwo.example.com/incidents/7f1c2b8e-3f55-4a5e-9a65-0d6a9b3e1c11",
  ...overrides,
});

const at = "2026-12-02T14:12:00.000Z";

export function sampleOutgoingEvents(incident = sampleIncident()): { [K in OutgoingEventTypeName]: Extract<OutgoingEvent, { type: K }> } {
  return {
    "incident.declared": { type: "incident.declared", timestamp: at, data: { incident } },
    "incident.severity_changed": { type: "incident.severity_changed", timestamp: at, data: { incident, from: "SEV3", to: "SEV2" } },
    "incident.status_changed": { type: "incident.status_changed", timestamp: at, data: { incident, from: "triage", to: "investigating", reason: null } },
    "incident.status_update_posted": { type: "incident.status_update_posted", timestamp: at, data: { incident, body: incident.latestUpdate?.body ?? "An update" } },
    "incident.commander_changed": { type: "incident.commander_changed", timestamp: at, data: { incident, from: null, to: { id: "u-1", name: "Cora Commander" } } },
    "incident.resolved": { type: "incident.resolved", timestamp: at, data: { incident: { ...incident, status: "resolved" } } },
    "post_mortem.published": {
      type: "post_mortem.published",
      timestamp: at,
      data: { incident, postMortem: { id: "pm-1", title: `Post-mortem: ${incident.title}`, url: `${incident.url}/post-mortem` } },
    },
    "action_item.overdue": {
      type: "action_item.overdue",
      timestamp: at,
      data: {
        actionItem: { id: "ai-1", title: "Add a canary stage", owner: { id: "u-2", name: "Olu Owner" }, dueAt: "2026-11-30T00:00:00.000Z", url: "https://daytwo.example.com/action-items/ai-1" },
        incident,
      },
    },
    "alert.critical_received": {
      type: "alert.critical_received",
      timestamp: at,
      data: { incident, alert: { id: "al-1", title: "HighErrorRate", source: "Prometheus prod", labels: { severity: "critical" } } },
    },
  };
}
