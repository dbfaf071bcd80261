// PagerDuty Events API v2 (PagerDuty/developer-docs events-API-v2): one event per request; the
// dedup_key names the alert, so any tool that can page PagerDuty can page Daytwo.
import { createHash } from "node:crypto";
import { z } from "zod";
import { type AlertRecord, clip, describeIssue, MAX_DESCRIPTION, MAX_TITLE, safeUrl, senderTime, stringMap, tierFromSeverity, toStringMap } from "./alert-record";

const pagerdutyEvent = z
  .looseObject({
    routing_key: z.string().max(255).optional(),
    event_action: z.enum(["trigger", "acknowledge", "resolve"], "must be trigger, acknowledge or resolve"),
    dedup_key: z.string().min(1).max(255, "must be at most 255 characters").optional(),
    client_url: z.string().optional(),
    links: z.array(z.looseObject({ href: z.string().optional() })).optional(),
    payload: z
      .looseObject({
        summary: z.string().min(1, "is required").max(1024, "must be at most 1024 characters"),
        source: z.string().min(1, "is required"),
        severity: z.enum(["critical", "error", "warning", "info"], "must be critical, error, warning or info"),
        timestamp: z.string().optional(),
        component: z.string().optional(),
        group: z.string().optional(),
        class: z.string().optional(),
        custom_details: z.unknown().optional(),
      })
      .optional(),
  })
  .superRefine((event, ctx) => {
    if (event.event_action === "trigger" && !event.payload) ctx.addIssue({ code: "custom", path: ["payload"], message: "is required for a trigger" });
    if (event.event_action !== "trigger" && !event.dedup_key) ctx.addIssue({ code: "custom", path: ["dedup_key"], message: `is required to ${event.event_action}` });
  });

/** The routing key the sender put in the body: PagerDuty's credential. */
export const pagerdutyRoutingKey = (body: unknown): string | undefined => {
  const key = (body as { routing_key?: unknown } | null)?.routing_key;
  return typeof key === "string" ? key : undefined;
};

export function parsePagerduty(body: unknown): { records: AlertRecord[] } | { problem: string } {
  const parsed = pagerdutyEvent.safeParse(body);
  if (!parsed.success) return { problem: describeIssue("PagerDuty Events API v2", parsed.error) };
  const event = parsed.data;
  const payload = event.payload;
  const labels = payload ? toStringMap({ source: payload.source, severity: payload.severity, component: payload.component, group: payload.group, class: payload.class }) : {};
  const details = payload?.custom_details;
  const annotations = typeof details === "object" && details !== null && !Array.isArray(details) ? toStringMap(stringMap.parse(details)) : details === undefined ? {} : toStringMap({ details });
  // The raw event minus its credential: the routing key is the source's token.
  const { routing_key: _routingKey, ...raw } = event;
  return {
    records: [
      {
        // PagerDuty derives a key when the sender gives none; so do we, from what identifies the event.
        fingerprint:
          event.dedup_key ??
          createHash("sha256")
            .update(JSON.stringify([payload?.summary, payload?.source, payload?.component]))
            .digest("hex")
            .slice(0, 32),
        action: event.event_action === "trigger" ? "firing" : event.event_action === "resolve" ? "resolved" : "acknowledge",
        hasContent: payload !== undefined,
        title: clip(payload?.summary ?? event.dedup_key ?? "Alert", MAX_TITLE),
        description: clip(annotations.description ?? "", MAX_DESCRIPTION),
        labels,
        annotations,
        tier: tierFromSeverity(payload?.severity),
        startedAt: senderTime(payload?.timestamp),
        endedAt: null,
        senderGroupKey: null,
        sourceUrl: safeUrl(event.links?.find((link) => link.href)?.href) ?? safeUrl(event.client_url),
        raw,
      },
    ],
  };
}
