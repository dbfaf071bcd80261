import { z } from "zod";
import { alertSourceKinds, alertStatuses, alertTiers } from "@/db/enums";
import { id } from "@/lib/validation/ids";
import { int4 } from "@/lib/validation/numbers";

export const listAlertsInput = z
  .object({
    sourceId: id().optional(),
    status: z.enum(alertStatuses, "Choose firing or resolved").optional(),
    limit: int4({ min: 1, max: 200, message: "Ask for 1 to 200 alerts at a time" }).default(50),
  })
  .default({ limit: 50 });

export const alertIdInput = z.object({ id: id() });

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
});

export const alertOutput = alertSummaryOutput.extend({
  description: z.string(),
  annotations: z.record(z.string(), z.string()),
  sourceUrl: z.string().nullable(),
  raw: z.unknown(),
});
