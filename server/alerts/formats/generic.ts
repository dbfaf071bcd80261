// Daytwo's own JSON format, modelled on incident.io's HTTP alert source, for anything that can POST.
import { z } from "zod";
import { type AlertRecord, clip, describeIssue, labelsFingerprint, MAX_DESCRIPTION, MAX_TITLE, safeUrl, stringMap, tierFromSeverity, toStringMap } from "./alert-record";

const genericPayload = z.looseObject({
  title: z.string("is required").trim().min(1, "must not be empty"),
  status: z.enum(["firing", "resolved"], "must be firing or resolved"),
  deduplication_key: z.string().min(1).max(255, "must be at most 255 characters").optional(),
  description: z.string().optional(),
  metadata: stringMap.optional(),
  source_url: z.string().optional(),
});

export function parseGeneric(body: unknown): { records: AlertRecord[] } | { problem: string } {
  const parsed = genericPayload.safeParse(body);
  if (!parsed.success) return { problem: describeIssue("Daytwo generic JSON alert", parsed.error) };
  const alert = parsed.data;
  const labels = toStringMap(alert.metadata);
  const title = clip(alert.title, MAX_TITLE);
  return {
    records: [
      {
        // Without a key, the labels and the title name the alert (two alerts may share labels).
        fingerprint: alert.deduplication_key ?? labelsFingerprint(labels, title),
        action: alert.status,
        hasContent: true,
        title,
        description: clip(alert.description ?? "", MAX_DESCRIPTION),
        labels,
        annotations: {},
        tier: tierFromSeverity(labels.severity),
        startedAt: null,
        endedAt: null,
        sourceUrl: safeUrl(alert.source_url),
        senderGroupKey: null,
        raw: alert,
      },
    ],
  };
}
