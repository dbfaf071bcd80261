// What every payload format becomes: one record per alert, ready to deduplicate and store. The
// helpers here keep the formats agreeing on fingerprints, tiers, times and bounds.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { AlertStatus, AlertTier } from "@/db/enums";

export type AlertRecord = {
  fingerprint: string;
  /** PagerDuty's `acknowledge` touches the open alert and changes nothing else. */
  action: AlertStatus | "acknowledge";
  /** False when the payload only names the alert (PagerDuty's resolve): what is stored stays. */
  hasContent: boolean;
  title: string;
  description: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  tier: AlertTier;
  /** Null: the sender gave no (usable) time; ingestion uses the time it arrived. */
  startedAt: Date | null;
  endedAt: Date | null;
  sourceUrl: string | null;
  /** The sender's own grouping of alerts (Alertmanager's and Grafana's `groupKey`), for correlation. */
  senderGroupKey: string | null;
  raw: unknown;
};

export type ParsedPayload = { records: AlertRecord[] };

// Senders cannot shorten what they send, so long texts are cut rather than refused; the raw payload
// keeps the whole thing.
export const MAX_TITLE = 500;
export const MAX_DESCRIPTION = 10_000;
const MAX_LABEL_VALUE = 2_000;
const MAX_LABELS = 200;

export const clip = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/** A string map from anything label-like: values that are not strings are written as JSON. */
export function toStringMap(value: Record<string, unknown> | undefined | null): Record<string, string> {
  const result: Record<string, string> = {};
  if (!value) return result;
  for (const [key, entry] of Object.entries(value).slice(0, MAX_LABELS)) {
    if (entry === undefined || entry === null) continue;
    result[clip(key, 200)] = clip(typeof entry === "string" ? entry : JSON.stringify(entry), MAX_LABEL_VALUE);
  }
  return result;
}

/** A stable hash of the label set: the same labels in any order give the same fingerprint. */
export function labelsFingerprint(labels: Record<string, string>, extra = ""): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((key) => [key, labels[key]]);
  return createHash("sha256")
    .update(JSON.stringify([sorted, extra]))
    .digest("hex")
    .slice(0, 32);
}

/** The tier before routing rules exist: from a `severity`-like label. */
export function tierFromSeverity(severity: string | undefined): AlertTier {
  const value = severity?.trim().toLowerCase() ?? "";
  if (["critical", "crit", "page", "p1", "sev1", "fatal", "emergency"].includes(value)) return "critical";
  if (["warning", "warn", "error", "major", "p2", "p3", "sev2", "sev3"].includes(value)) return "warning";
  return "info";
}

const earliest = Date.UTC(1900, 0, 1);
const latest = Date.UTC(9999, 11, 31);

/** A sender's time, or null when missing, unreadable, or Go's zero time ("0001-01-01T00:00:00Z"). */
export function senderTime(value: string | number | undefined | null): Date | null {
  if (value === undefined || value === null || value === "") return null;
  const date = new Date(value);
  const time = date.getTime();
  return Number.isNaN(time) || time < earliest || time > latest ? null : date;
}

/** A URL worth linking to: http(s) only, so a stored link can never run script. */
export function safeUrl(value: string | undefined | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? clip(value, 2_000) : null;
  } catch {
    return null;
  }
}

export const stringMap = z.record(z.string(), z.unknown(), "must be an object of names and values");

/** "alerts[0].labels: expected an object" — the first problem, naming where it is. */
export function describeIssue(format: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `This is not a ${format} payload.`;
  const where = issue.path.reduce<string>((text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), "");
  return `This is not a ${format} payload: ${where ? `${where}: ` : ""}${issue.message}`;
}
