// Alert vocabularies and their names, shared by the server and the pages.
import type { AlertSourceKind } from "@/db/enums";

export { alertSourceKinds, alertStatuses, alertTiers, type AlertSourceKind, type AlertStatus, type AlertTier } from "@/db/enums";

export const alertSourceKindLabels: Record<AlertSourceKind, string> = {
  alertmanager: "Prometheus Alertmanager",
  grafana: "Grafana alerting",
  pagerduty: "PagerDuty Events API v2",
  generic: "Generic JSON",
};

/** Time windows of the alerts list (on last seen); none means all time. */
export const alertWindows = ["1h", "24h", "7d", "30d"] as const;
export type AlertWindow = (typeof alertWindows)[number];
export const alertWindowHours: Record<AlertWindow, number> = { "1h": 1, "24h": 24, "7d": 24 * 7, "30d": 24 * 30 };
export const alertWindowLabels: Record<AlertWindow, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" };
export const alertTierLabels = { info: "Info", warning: "Warning", critical: "Critical" } as const;
