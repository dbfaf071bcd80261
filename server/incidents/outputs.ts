import { z } from "zod";
import { withTimelineEventData } from "@/lib/events/catalogue";
import { incidentKinds, incidentStatuses } from "@/lib/incident-lifecycle";

const person = z.object({ id: z.uuid(), name: z.string() });
const severity = z.object({ id: z.number(), name: z.string(), rank: z.number() });

export const incidentSummaryOutput = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(incidentStatuses),
  kind: z.enum(incidentKinds),
  isPrivate: z.boolean(),
  severity,
  commander: person.nullable(),
  services: z.array(z.object({ id: z.uuid(), name: z.string() })),
  declaredAt: z.date(),
  resolvedAt: z.date().nullable(),
});

export const listIncidentsOutput = z.object({
  incidents: z.array(incidentSummaryOutput),
  nextCursor: z.string().nullable(),
  // Only on the first page (null after): counting scans every matching incident.
  countsByStatus: z.record(z.string(), z.number()).nullable(),
});

export const incidentOutput = z.object({
  id: z.uuid(),
  reference: z.string(),
  number: z.number(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(incidentStatuses),
  kind: z.enum(incidentKinds),
  isPrivate: z.boolean(),
  severity: severity.extend({ description: z.string() }),
  customerImpact: z.string(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  closingReason: z.string().nullable(),
  mergedInto: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  milestones: z.object({
    impactStartedAt: z.date().nullable(),
    detectedAt: z.date().nullable(),
    declaredAt: z.date(),
    acknowledgedAt: z.date().nullable(),
    mitigatedAt: z.date().nullable(),
    resolvedAt: z.date().nullable(),
    closedAt: z.date().nullable(),
  }),
  metrics: z.object({
    ttaSeconds: z.number().nullable(),
    ttmSeconds: z.number().nullable(),
    ttrSeconds: z.number().nullable(),
    impactSeconds: z.number().nullable(),
  }),
  version: z.number(),
  lastEventSeq: z.number(),
  declaredBy: person,
  services: z.array(z.object({ id: z.uuid(), name: z.string(), tier: z.number() })),
  roles: z.array(z.object({ key: z.string(), name: z.string(), guide: z.string(), holder: person.nullable(), since: z.date().nullable() })),
  roleHistory: z.array(z.object({ role: z.string(), holder: person, from: z.date(), until: z.date().nullable() })),
  participants: z.array(person),
  canWrite: z.boolean(),
});
export type IncidentOutput = z.infer<typeof incidentOutput>;

// On the wire `kind` is still a string and `data` an object; by type they are a catalogue kind (legacy
// names already mapped) with its own data, so narrowing `kind` narrows `data`.
export const timelineEventOutput = withTimelineEventData(
  z.object({
    id: z.number(),
    seq: z.number(),
    actor: person.nullable(),
    occurredAt: z.date(),
    recordedAt: z.date(),
    body: z.string().nullable(),
    supersedesId: z.number().nullable(),
    supersededById: z.number().nullable(),
    isHighlighted: z.boolean(),
  }),
);
export type TimelineEventOutput = z.infer<typeof timelineEventOutput>;

export const mutationResultOutput = z.object({ version: z.number(), lastEventSeq: z.number() });
