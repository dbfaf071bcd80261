// What Daytwo tells the outside world: every outgoing event is `{ type, timestamp, data }`, typed here
// once. Generic webhooks carry it as JSON (documented in the README); Slack, Teams and email messages
// are written from it (server/channels/formats/). One incident snapshot shape for all of them, so a
// message always has the reference, title, severity, status, commander, latest update and a link.
import { z } from "zod";
import { incidentStatuses } from "@/db/enums";

export { outgoingEventTypes, type OutgoingEventType } from "@/db/enums";

const person = z.object({ id: z.string(), name: z.string() });

export const incidentSnapshot = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  severity: z.string(),
  status: z.enum(incidentStatuses),
  kind: z.enum(["incident", "drill"]),
  isPrivate: z.boolean(),
  commander: person.nullable(),
  services: z.array(z.string()),
  latestUpdate: z.object({ body: z.string(), postedAt: z.iso.datetime() }).nullable(),
  url: z.string(),
});
export type IncidentSnapshot = z.infer<typeof incidentSnapshot>;

const withIncident = <T extends z.ZodRawShape>(shape: T) => z.object({ incident: incidentSnapshot, ...shape });

export const outgoingEventData = {
  "incident.declared": withIncident({}),
  "incident.severity_changed": withIncident({ from: z.string().nullable(), to: z.string() }),
  "incident.status_changed": withIncident({ from: z.enum(incidentStatuses), to: z.enum(incidentStatuses), reason: z.string().nullable() }),
  "incident.status_update_posted": withIncident({ body: z.string() }),
  "incident.commander_changed": withIncident({ from: z.string().nullable(), to: person }),
  "incident.resolved": withIncident({}),
  "post_mortem.published": withIncident({ postMortem: z.object({ id: z.string(), title: z.string(), url: z.string() }) }),
  "action_item.overdue": z.object({
    actionItem: z.object({ id: z.string(), title: z.string(), owner: person.nullable(), dueAt: z.iso.datetime(), url: z.string() }),
    incident: incidentSnapshot.nullable(),
  }),
  "alert.critical_received": withIncident({ alert: z.object({ id: z.string(), title: z.string(), source: z.string(), labels: z.record(z.string(), z.string()) }) }),
} as const;

export type OutgoingEventTypeName = keyof typeof outgoingEventData;
export type OutgoingEvent = { [K in OutgoingEventTypeName]: { type: K; timestamp: string; data: z.infer<(typeof outgoingEventData)[K]> } }[OutgoingEventTypeName];

/** Parses a body a receiver got: `{ type, timestamp, data }` with the data its type describes. */
export const outgoingEvent = z.discriminatedUnion(
  "type",
  Object.entries(outgoingEventData).map(([type, data]) => z.object({ type: z.literal(type), timestamp: z.iso.datetime(), data })) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<OutgoingEvent>;

export const outgoingEventLabels: Record<OutgoingEventTypeName, string> = {
  "incident.declared": "Incident declared",
  "incident.severity_changed": "Severity changed",
  "incident.status_changed": "Status changed",
  "incident.status_update_posted": "Status update posted",
  "incident.commander_changed": "Commander changed",
  "incident.resolved": "Incident resolved",
  "post_mortem.published": "Post-mortem published",
  "action_item.overdue": "Action item overdue",
  "alert.critical_received": "Critical alert received",
};
