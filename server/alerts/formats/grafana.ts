// Grafana unified alerting's webhook, version 1 (grafana/alerting receivers/webhook/v1): the
// Alertmanager shape plus title, state, message and per-alert dashboard and panel links.
import { z } from "zod";
import { type AlertRecord, describeIssue } from "./alert-record";
import { alertmanagerPayload, amAlertRecord } from "./alertmanager";

const grafanaPayload = alertmanagerPayload.extend({
  orgId: z.number().optional(),
  title: z.string().optional(),
  state: z.string().optional(),
  message: z.string().optional(),
});

export function parseGrafana(body: unknown): { records: AlertRecord[] } | { problem: string } {
  const parsed = grafanaPayload.safeParse(body);
  if (!parsed.success) return { problem: describeIssue("Grafana alerting webhook", parsed.error) };
  const { alerts, ...envelope } = parsed.data;
  return {
    records: alerts.map((alert) => {
      const links = alert as { panelURL?: unknown; dashboardURL?: unknown };
      const link = typeof links.panelURL === "string" && links.panelURL ? links.panelURL : typeof links.dashboardURL === "string" ? links.dashboardURL : undefined;
      return amAlertRecord(alert, envelope, link);
    }),
  };
}
