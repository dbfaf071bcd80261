import { z } from "zod";
import { alertSourceKinds, alertStatuses, alertTiers } from "@/db/enums";
import { alertWindows } from "@/lib/alerts";
import { listCursor } from "@/lib/validation/cursor";
import { id } from "@/lib/validation/ids";
import { labelName } from "@/lib/validation/label-matcher";
import { int4 } from "@/lib/validation/numbers";
import { text } from "@/lib/validation/text";

const LABEL_FILTER_MESSAGE = "Filter by one label as name=value, for example service=checkout";

/** `name=value`, as typed in the filter box; parsed into the pair the jsonb containment query needs. */
export const labelFilter = text({ max: 310, min: 3, minMessage: LABEL_FILTER_MESSAGE })
  .regex(/^[^=]+=.+$/s, LABEL_FILTER_MESSAGE)
  .transform((value) => {
    const at = value.indexOf("=");
    return { name: value.slice(0, at).trim(), value: value.slice(at + 1).trim() };
  })
  .pipe(z.object({ name: labelName, value: text({ min: 1, minMessage: LABEL_FILTER_MESSAGE, max: 200 }) }));

// Where a page of alerts ends: the last row's last-seen time (full microsecond text, so no row is
// skipped or repeated at a page boundary) and its id.
export const alertCursor = z.object({
  l: z
    .string()
    .max(40)
    .regex(/^[0-9: .+-]+$/),
  i: z.uuid(),
});

export const listAlertsInput = z
  .object({
    sourceId: id().optional(),
    status: z.enum(alertStatuses, "Choose firing or resolved").optional(),
    tier: z.enum(alertTiers, "Choose info, warning or critical").optional(),
    label: labelFilter.optional(),
    window: z.enum(alertWindows, "Choose a time window: 1h, 24h, 7d or 30d").optional(),
    cursor: listCursor(alertCursor).optional(),
    limit: int4({ min: 1, max: 200, message: "Ask for 1 to 200 alerts at a time" }).default(50),
  })
  .default({ limit: 50 });

export const alertIdInput = z.object({ id: id() });

// Only set when the viewer may see that incident: a private one they are not part of is not named.
const alertIncident = z.object({ id: z.uuid(), reference: z.string(), title: z.string() }).nullable();

export const alertSummaryOutput = z.object({
  id: z.uuid(),
  source: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(alertSourceKinds) }),
  fingerprint: z.string(),
  status: z.enum(alertStatuses),
  tier: z.enum(alertTiers),
  title: z.string(),
  labels: z.record(z.string(), z.string()),
  startedAt: z.date(),
  endedAt: z.date().nullable(),
  lastSeenAt: z.date(),
  occurrences: z.number().int(),
  incidentId: z.uuid().nullable(),
  incident: alertIncident,
});

export const listAlertsOutput = z.object({ alerts: z.array(alertSummaryOutput), nextCursor: z.string().nullable() });

export const alertOutput = alertSummaryOutput.extend({
  description: z.string(),
  annotations: z.record(z.string(), z.string()),
  sourceUrl: z.string().nullable(),
  raw: z.unknown(),
  // The routing rule that decided the tier: its name, "Default rule" when routing used the built-in one.
  ruleName: z.string().nullable(),
});

export const noiseCutOutput = z.array(
  z.object({
    source: z.object({ id: z.uuid(), name: z.string() }),
    /** Monday of the ISO week (UTC), YYYY-MM-DD, and its ISO name (2026-W49). */
    weekStart: z.string(),
    week: z.string(),
    notifications: z.number().int(),
    alerts: z.number().int(),
    incidents: z.number().int(),
    /** Notifications per incident opened; null when no incident was opened. */
    ratio: z.number().nullable(),
  }),
);

export const alertSourceOptionsOutput = z.array(z.object({ id: z.uuid(), name: z.string(), isDeleted: z.boolean() }));
