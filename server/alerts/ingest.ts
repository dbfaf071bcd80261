// POST /api/alerts/<source id>: a monitoring system delivers alerts. Answers as senders expect
// (Alertmanager retries only on 5xx, so every refusal of bad input is a 4xx and a retry is harmless):
// 404 unknown or disabled source, 413 over 1 MB, 401 wrong credentials (never saying which), 429 over
// the source's rate limit, 400 malformed or unrecognised payload, 202 stored.
import { getDb } from "@/db/client";
import { requestOutboxSend } from "@/server/jobs/outbox-kick";
import type { AlertSource } from "@/db/schema";
import { parseRouteId } from "@/lib/validation/ids";
import { isSourceToken, isValidSignature, tokenFromAuthorization } from "./credentials";
import { payloadParsers } from "./formats/parsers";
import { pagerdutyRoutingKey } from "./formats/pagerduty";
import { takeMinuteSlot } from "@/server/http/minute-window";
import { MAX_ALERT_BODY } from "./read-body";
import { metrics } from "@/server/metrics/registry";
import { loadEnabledSource } from "./source-cache";
import { storeAlerts, type StoredAlert } from "./store-alerts";
import { unstorableText } from "./storable-json";

export const UNAUTHORIZED_MESSAGE = "The credentials for this alert source are missing or wrong.";
export const UNKNOWN_SOURCE_MESSAGE = "There is no enabled alert source at this address.";

/** What the endpoint hands over: the headers, and the body, read (within the limit) only when needed. */
export type Delivery = { headers: HeaderSource; readBody: () => Promise<Buffer | "too_large"> };
export type HeaderSource = { get(name: string): string | null };
/** The answer, written by the endpoint as JSON. */
export type Answer = { status: number; body: Record<string, unknown>; headers: Record<string, string> };

const reply = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Answer => ({ status, body, headers: { "cache-control": "no-store", ...headers } });
const refuse = (status: number, message: string, headers?: Record<string, string>) => reply(status, { status: "error", message }, headers);

function parseJson(body: Buffer): { value: unknown } | { problem: string } {
  if (body.length === 0) return { problem: "The body is empty; send the alert as JSON." };
  try {
    return { value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body)) };
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "it is not UTF-8 text";
    return { problem: `The body is not valid JSON: ${reason}` };
  }
}

function isAuthorised(source: AlertSource, headers: HeaderSource, body: Buffer, json: () => unknown): boolean {
  // With an HMAC secret set, the signature is required: it proves the body itself came from the sender.
  if (source.hmacSecretEncrypted) return isValidSignature(source, { headers, body, now: new Date() });
  if (isSourceToken(source, tokenFromAuthorization(headers.get("authorization")))) return true;
  // PagerDuty's only credential is the routing key inside the event.
  return source.kind === "pagerduty" && isSourceToken(source, pagerdutyRoutingKey(json()));
}

export async function receiveAlerts(delivery: Delivery, sourceSegment: string): Promise<Answer> {
  const id = parseRouteId(sourceSegment);
  const source = id ? await loadEnabledSource(id) : undefined;
  if (!source) return refuse(404, UNKNOWN_SOURCE_MESSAGE);
  const body = await delivery.readBody();
  if (body === "too_large") return refuse(413, `The body is larger than ${MAX_ALERT_BODY / 1024 / 1024} MB; send fewer alerts per request.`);
  let parsed: ReturnType<typeof parseJson> | undefined;
  const json = () => {
    parsed ??= parseJson(body);
    return "value" in parsed ? parsed.value : undefined;
  };
  // Per alert once stored; per request when the request is refused (unauthorized, rate_limited, invalid).
  const counted = (outcome: string) => metrics().alertsReceived.inc({ source_id: source.id, kind: source.kind, outcome });
  if (!isAuthorised(source, delivery.headers, body, json)) {
    counted("unauthorized");
    return refuse(401, UNAUTHORIZED_MESSAGE, { "www-authenticate": 'Bearer realm="daytwo-alerts"' });
  }
  const retryAfter = await takeMinuteSlot(await getDb(), "alertSource", source.id, source.rateLimitPerMinute);
  if (retryAfter !== null) {
    counted("rate_limited");
    return refuse(429, `This alert source sent more than ${source.rateLimitPerMinute} requests this minute; retry in ${retryAfter} s.`, { "retry-after": String(retryAfter) });
  }
  const invalid = (problem: string) => {
    counted("invalid");
    return refuse(400, problem);
  };
  json();
  if (!parsed || "problem" in parsed) return invalid(parsed?.problem ?? "The body is not valid JSON.");
  const unstorable = unstorableText(parsed.value);
  if (unstorable) return invalid(`The payload holds text that cannot be stored at ${unstorable}`);
  const result = payloadParsers[source.kind](parsed.value);
  if ("problem" in result) return invalid(result.problem);
  if (result.records.length === 0) return reply(202, { status: "success", message: "No alerts in this payload.", alerts: [] });
  const db = await getDb();
  const stored = await storeAlerts(db, source, result.records);
  for (const alert of stored) counted(alert.outcome);
  if (stored.some((alert) => alert.paged)) requestOutboxSend();
  return reply(202, summary(source, stored));
}

function summary(source: AlertSource, stored: StoredAlert[]) {
  const count = (outcome: StoredAlert["outcome"]) => stored.filter((alert) => alert.outcome === outcome).length;
  const body: Record<string, unknown> = {
    status: "success",
    message: `Accepted ${stored.length} alert${stored.length === 1 ? "" : "s"}.`,
    created: count("created"),
    updated: count("updated"),
    resolved: count("resolved"),
    ignored: count("ignored"),
    alerts: stored.filter((alert) => alert.outcome !== "ignored").map(({ id, fingerprint, status }) => ({ id, fingerprint, status })),
  };
  // The answers PagerDuty's and incident.io's clients read.
  const key = stored[0]?.fingerprint;
  if (source.kind === "pagerduty") body.dedup_key = key;
  if (source.kind === "generic") body.deduplication_key = key;
  return body;
}
