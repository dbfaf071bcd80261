// A small alert in each source kind's own format: the curl line shows it, and "send a test alert"
// ingests it through the same parser and store as a real delivery.
import type { AlertSourceKind } from "@/db/enums";

export function samplePayload(kind: AlertSourceKind, fingerprint: string, now = new Date()): Record<string, unknown> {
  const labels = { alertname: "DaytwoTestAlert", severity: "info", service: "daytwo" };
  const summary = "Test alert from Daytwo: this source is connected";
  switch (kind) {
    case "alertmanager":
    case "grafana":
      return {
        version: kind === "alertmanager" ? "4" : "1",
        status: "firing",
        receiver: "daytwo",
        groupLabels: { alertname: labels.alertname },
        commonLabels: labels,
        alerts: [{ status: "firing", labels, annotations: { summary }, startsAt: now.toISOString(), endsAt: "0001-01-01T00:00:00Z", fingerprint }],
      };
    case "pagerduty":
      return { event_action: "trigger", dedup_key: fingerprint, payload: { summary, source: "daytwo", severity: "info" } };
    case "generic":
      return { title: summary, status: "firing", deduplication_key: fingerprint, metadata: labels };
  }
}
