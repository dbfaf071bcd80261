import { z } from "zod";
import { alertAutoResolveModes, alertSourceKinds } from "@/db/enums";
import { id } from "@/lib/validation/ids";
import { int4 } from "@/lib/validation/numbers";
import { text } from "@/lib/validation/text";

// HTTP header names: RFC 9110 token characters, so a setting can never break a request.
const headerName = (label: string) => text({ max: 100 }).refine((value) => value === "" || /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(value), `${label} may use letters, digits and - only`);

const settings = {
  name: text({ min: 1, minMessage: "Enter a name for this source", max: 100 }),
  hmacHeader: headerName("The signature header").refine((value) => value !== "", "Enter the signature header's name"),
  timestampHeader: headerName("The timestamp header"),
  toleranceSeconds: int4({ min: 1, max: 86_400, message: "Enter a tolerance from 1 to 86400 seconds" }),
  rateLimitPerMinute: int4({ min: 1, max: 1_000_000, message: "Enter a rate limit from 1 to 1,000,000 requests a minute" }),
  // Null removes the secret (token auth again); a string sets it.
  hmacSecret: text({ min: 16, minMessage: "Use an HMAC secret of at least 16 characters", max: 200, keepSpaces: true }).nullable(),
  // What happens once every alert of an incident this source opened has resolved.
  autoResolve: z.enum(alertAutoResolveModes, "Choose what happens when the alerts resolve: note it, move to monitoring, or resolve"),
};

export const createAlertSourceInput = z.object({
  name: settings.name,
  kind: z.enum(alertSourceKinds, "Choose what kind of system sends these alerts"),
  hmacSecret: settings.hmacSecret.optional(),
  hmacHeader: settings.hmacHeader.optional(),
  timestampHeader: settings.timestampHeader.optional(),
  toleranceSeconds: settings.toleranceSeconds.optional(),
  rateLimitPerMinute: settings.rateLimitPerMinute.optional(),
  autoResolve: settings.autoResolve.optional(),
});

export const updateAlertSourceInput = z.object({
  id: id(),
  name: settings.name.optional(),
  hmacSecret: settings.hmacSecret.optional(),
  hmacHeader: settings.hmacHeader.optional(),
  timestampHeader: settings.timestampHeader.optional(),
  toleranceSeconds: settings.toleranceSeconds.optional(),
  rateLimitPerMinute: settings.rateLimitPerMinute.optional(),
  autoResolve: settings.autoResolve.optional(),
  isEnabled: z.boolean().optional(),
});

export const alertSourceIdInput = z.object({ id: id() });

export const alertSourceOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(alertSourceKinds),
  url: z.string(),
  tokenPrefix: z.string(),
  hasHmac: z.boolean(),
  hmacHeader: z.string(),
  timestampHeader: z.string(),
  toleranceSeconds: z.number().int(),
  rateLimitPerMinute: z.number().int(),
  autoResolve: z.enum(alertAutoResolveModes),
  isEnabled: z.boolean(),
  createdAt: z.date(),
});
export type AlertSourceOutput = z.infer<typeof alertSourceOutput>;

export const alertSourceWithTokenOutput = z.object({ source: alertSourceOutput, token: z.string() });

export const alertSourceDetailOutput = alertSourceOutput.extend({
  config: z.object({ alertmanager: z.string(), grafana: z.string(), curl: z.string() }),
  alertCount: z.number().int(),
});

export const testAlertOutput = z.object({ alertId: z.uuid(), message: z.string() });
