import { z } from "zod";
import { dateInput } from "@/lib/validation/dates";
import { timelineEventKinds } from "@/lib/events/catalogue";
import { incidentKinds, incidentStatuses, milestones } from "@/lib/incident-lifecycle";
import { listCursor } from "@/lib/validation/cursor";
import { id as uuid } from "@/lib/validation/ids";
import { coercedInt4, int4, positiveInt4 } from "@/lib/validation/numbers";
import { text } from "@/lib/validation/text";
import { incidentCursor } from "./list-cursor";

const id = uuid();
const title = text({ min: 1, minMessage: "Give the incident a title", max: 200, maxMessage: "Keep the title under 200 characters" });
const version = positiveInt4("That version number is out of range; reload the incident");
const eventId = positiveInt4("That event number is out of range; reload the timeline");
const severityId = int4({ min: 1, max: 99, message: "Choose a severity from the list" });
const roleKey = text({ min: 1, max: 60, keepSpaces: true });
const link = z.object({
  label: text({ min: 1, minMessage: "Give the link a label", max: 80 }),
  url: z.url({ protocol: /^https?$/, message: "Links must be http or https URLs" }),
});

export const declareIncidentInput = z.object({
  title,
  severityId: severityId.default(3),
  kind: z.enum(incidentKinds).default("incident"),
  summary: text({ max: 5000 }).default(""),
  serviceIds: z.array(id).max(50).default([]),
  isPrivate: z.boolean().default(false),
  impactStartedAt: dateInput().optional(),
  commanderId: id.optional(),
});

export const changeStatusInput = z.object({
  incidentId: id,
  expectedVersion: version,
  to: z.enum(incidentStatuses),
  reason: text({ max: 1000 }).optional(),
  mergedIntoNumber: positiveInt4("There is no incident with that number").optional(),
});

export const updateIncidentInput = z.object({
  incidentId: id,
  expectedVersion: version,
  title: title.optional(),
  summary: text({ max: 5000 }).optional(),
  severityId: severityId.optional(),
  customerImpact: text({ max: 5000 }).optional(),
  links: z.array(link).max(20).optional(),
  serviceIds: z.array(id).max(50).optional(),
  isPrivate: z.boolean().optional(),
});

export const correctMilestoneInput = z.object({
  incidentId: id,
  expectedVersion: version,
  milestone: z.enum(milestones),
  at: dateInput().nullable(),
});

export const assignRoleInput = z.object({
  incidentId: id,
  expectedVersion: version,
  roleKey,
  // Omitted: "I'll take it" — the caller takes the role.
  userId: id.optional(),
});

export const releaseRoleInput = z.object({ incidentId: id, expectedVersion: version, roleKey });

export const addNoteInput = z.object({
  incidentId: id,
  body: text({ min: 1, minMessage: "Write something in the note", max: 10_000 }),
  occurredAt: dateInput().optional(),
  // A correction supersedes an earlier note instead of editing it.
  correctsEventId: eventId.optional(),
});

export const postStatusUpdateInput = z.object({
  incidentId: id,
  body: text({ min: 1, minMessage: "Write the update stakeholders will read", max: 5000 }),
});

export const highlightInput = z.object({ incidentId: id, eventId, isHighlighted: z.boolean() });
export const addParticipantInput = z.object({ incidentId: id, userId: id });
export const incidentIdInput = z.object({ incidentId: id });

export const timelineInput = z.object({
  incidentId: id,
  kinds: z.array(z.enum(timelineEventKinds)).max(timelineEventKinds.length).optional(),
  highlightedOnly: z.boolean().default(false),
  actorId: id.optional(),
});

export const listIncidentsInput = z.object({
  statuses: z.array(z.enum(incidentStatuses)).max(9).optional(),
  severityIds: z.array(severityId).max(10).optional(),
  serviceId: id.optional(),
  commanderId: id.optional(),
  kind: z.enum(incidentKinds).optional(),
  from: dateInput().optional(),
  to: dateInput().optional(),
  text: text({ max: 200 }).optional(),
  sort: z.enum(["active_first", "newest", "oldest", "severity"]).default("active_first"),
  cursor: listCursor(incidentCursor).optional(),
  limit: int4({ min: 1, max: 100 }).default(25),
});

// The live stream (server/http/live-endpoint.ts): ids are event sequence numbers; a resume sends the last one seen.
export const liveFeedInput = z.object({ after: coercedInt4({ min: 0, message: "That stream position is out of range; reload the incident" }).optional() });
