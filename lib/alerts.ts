// Alert vocabularies and their names, shared by the server and the pages.
import type { AlertSourceKind } from "@/db/enums";

export { alertSourceKinds, alertStatuses, alertTiers, type AlertSourceKind, type AlertStatus, type AlertTier } from "@/db/enums";

export const alertSourceKindLabels: Record<AlertSourceKind, string> = {
  alertmanager: "Prometheus Alertmanager",
  grafana: "Grafana alerting",
  pagerduty: "PagerDuty Events API v2",
  generic: "Generic JSON",
};
