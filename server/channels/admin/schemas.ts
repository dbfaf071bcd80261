// Inputs and outputs of the notification channels admin. Outputs never carry the URL, the address or
// a secret: `targetHint` stands in for the target, and a secret appears only in the create and rotate
// answers, once.
import { isIP } from "node:net";
import { z } from "zod";
import { deliveryStatuses, drillFilters, type NotificationChannelKind, notificationChannelKinds, outgoingEventTypes } from "@/db/enums";
import { id } from "@/lib/validation/ids";
import { int4 } from "@/lib/validation/numbers";
import { text } from "@/lib/validation/text";
import { normalizeHost } from "@/server/outbound/address-policy";
import { urlProblem } from "@/server/outbound/safe-fetch";

const email = z.email("Enter an email address such as oncall@example.com");

/** Why a target does not suit the kind (a URL for chat and webhooks, an address for email), or null. */
export function targetProblem(kind: NotificationChannelKind, target: string): string | null {
  if (kind === "email") return email.safeParse(target).success ? null : "Enter an email address such as oncall@example.com";
  return urlProblem(target);
}

const settings = {
  name: text({ min: 1, minMessage: "Enter a name for this channel", max: 100 }),
  target: text({ min: 1, minMessage: "Enter the address to send to", max: 2000, maxMessage: "Keep the address under 2,000 characters" }),
  eventTypes: z.array(z.enum(outgoingEventTypes, "Choose events from the list")).min(1, "Choose at least one event to send").max(outgoingEventTypes.length),
  maxSeverityRank: int4({ min: 1, max: 10, message: "Choose a severity from the list" }).nullable(),
  serviceIds: z.array(id("Choose services from the list")).max(200, "Choose at most 200 services"),
  teamIds: z.array(id("Choose teams from the list")).max(200, "Choose at most 200 teams"),
  drills: z.enum(drillFilters, "Choose whether drills are sent"),
  includePrivate: z.boolean(),
};

export const createChannelInput = z
  .object({
    kind: z.enum(notificationChannelKinds, "Choose where to send: Slack, Teams, a webhook or email"),
    ...settings,
    maxSeverityRank: settings.maxSeverityRank.default(null),
    serviceIds: settings.serviceIds.default([]),
    teamIds: settings.teamIds.default([]),
    drills: settings.drills.default("exclude"),
    includePrivate: settings.includePrivate.default(false),
  })
  .superRefine((input, issues) => {
    const problem = targetProblem(input.kind, input.target);
    if (problem) issues.addIssue({ code: "custom", path: ["target"], message: problem });
  });

/** Every setting optional; `target` replaces the URL or address (checked against the channel's kind). */
export const updateChannelInput = z.object({
  id: id(),
  name: settings.name.optional(),
  target: settings.target.optional(),
  eventTypes: settings.eventTypes.optional(),
  maxSeverityRank: settings.maxSeverityRank.optional(),
  serviceIds: settings.serviceIds.optional(),
  teamIds: settings.teamIds.optional(),
  drills: settings.drills.optional(),
  includePrivate: settings.includePrivate.optional(),
});

export const channelIdInput = z.object({ id: id() });
export const disableChannelInput = z.object({ id: id(), reason: text({ max: 200 }).optional() });
export const deliveryIdInput = z.object({ deliveryId: text({ min: 1, max: 100 }) });

// Host names or IP literals, as the address policy compares them (no scheme, port or path); a string
// of digits and dots that is not an IPv4 address (999.1.1.1) is refused rather than looked up as a name.
const dnsName = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
const isHostName = (value: string) => isIP(normalizeHost(value)) !== 0 || (dnsName.test(value) && !/^[\d.]+$/.test(value));
const hostName = text({ min: 1, minMessage: "Remove the empty line or enter a host", max: 253 })
  .refine(isHostName, "Enter a host name or IP address only, such as hooks.internal or 10.0.0.5 (no https:// or port)")
  .transform(normalizeHost);
export const allowHostsInput = z.object({
  hosts: z
    .array(hostName)
    .max(100, "Keep the list under 100 hosts")
    .transform((hosts) => [...new Set(hosts)]),
});
export const allowHostsOutput = z.object({ hosts: z.array(z.string()) });

export const channelOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(notificationChannelKinds),
  targetHint: z.string(),
  hasSecret: z.boolean(),
  previousSecretExpiresAt: z.date().nullable(),
  eventTypes: z.array(z.enum(outgoingEventTypes)),
  maxSeverityRank: z.number().int().nullable(),
  serviceIds: z.array(z.string()),
  teamIds: z.array(z.string()),
  drills: z.enum(drillFilters),
  includePrivate: z.boolean(),
  isEnabled: z.boolean(),
  disabledReason: z.string().nullable(),
  failingSince: z.date().nullable(),
  createdAt: z.date(),
  lastDelivery: z.object({ status: z.enum(deliveryStatuses), at: z.date() }).nullable(),
});
export type ChannelOutput = z.infer<typeof channelOutput>;

/** The create and rotate answers: the channel, and its signing secret this once (webhooks only). */
export const channelWithSecretOutput = z.object({ channel: channelOutput, secret: z.string().nullable() });

export const deliveryLogOutput = z.array(
  z.object({
    id: z.string(),
    type: z.string(),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    createdAt: z.date(),
    deliveredAt: z.date().nullable(),
    nextAttemptAt: z.date().nullable(),
    attemptLog: z.array(z.object({ attemptedAt: z.date(), statusCode: z.number().int().nullable(), durationMs: z.number().int(), response: z.string(), error: z.string().nullable() })),
  }),
);

export const testOutcomeOutput = z.object({ deliveryId: z.string(), statusCode: z.number().int().nullable(), message: z.string() });
export const redeliverOutput = z.object({ deliveryId: z.string() });
