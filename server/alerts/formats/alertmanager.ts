// Prometheus Alertmanager's webhook, version 4 (prometheus/alertmanager notify/webhook/webhook.go).
import { z } from "zod";
import { type AlertRecord, clip, describeIssue, labelsFingerprint, MAX_DESCRIPTION, MAX_TITLE, safeUrl, senderTime, stringMap, tierFromSeverity, toStringMap } from "./alert-record";

const amAlert = z.looseObject({
  status: z.enum(["firing", "resolved"], "must be firing or resolved"),
  labels: stringMap,
  annotations: stringMap.optional(),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().max(255).optional(),
});

export const alertmanagerPayload = z.looseObject({
  version: z.string().optional(),
  groupKey: z.string().optional(),
  status: z.string().optional(),
  receiver: z.string().optional(),
  groupLabels: stringMap.optional(),
  commonLabels: stringMap.optional(),
  commonAnnotations: stringMap.optional(),
  externalURL: z.string().optional(),
  alerts: z.array(amAlert, "must be a list of alerts").max(5_000),
});

export type AmAlert = z.infer<typeof amAlert>;

/** Shared with Grafana, whose webhook has the same shape. */
export function amAlertRecord(alert: AmAlert, envelope: Record<string, unknown>, extraUrl?: string): AlertRecord {
  const labels = toStringMap(alert.labels);
  const annotations = toStringMap(alert.annotations);
  const title = annotations.summary || annotations.title || labels.alertname || "Alert";
  return {
    fingerprint: alert.fingerprint || labelsFingerprint(labels),
    action: alert.status,
    hasContent: true,
    title: clip(title, MAX_TITLE),
    description: clip(annotations.description ?? annotations.message ?? "", MAX_DESCRIPTION),
    labels,
    annotations,
    tier: tierFromSeverity(labels.severity ?? labels.priority),
    startedAt: senderTime(alert.startsAt),
    endedAt: alert.status === "resolved" ? senderTime(alert.endsAt) : null,
    sourceUrl: safeUrl(alert.generatorURL) ?? safeUrl(extraUrl),
    senderGroupKey: typeof envelope.groupKey === "string" && envelope.groupKey ? clip(envelope.groupKey, 1_000) : null,
    raw: { ...envelope, alerts: [alert] },
  };
}

export function parseAlertmanager(body: unknown): { records: AlertRecord[] } | { problem: string } {
  const parsed = alertmanagerPayload.safeParse(body);
  if (!parsed.success) return { problem: describeIssue("Prometheus Alertmanager webhook", parsed.error) };
  const { alerts, ...envelope } = parsed.data;
  return { records: alerts.map((alert) => amAlertRecord(alert, envelope)) };
}
