import { z } from "zod";
import { timelineEventKinds } from "@/lib/events/catalogue";
import { incidentKinds, incidentStatuses, milestones } from "@/lib/incident-lifecycle";

const id = z.uuid();
const title = z.string().trim().min(1, "Give the incident a title").max(200, "Keep the title under 200 characters");
const version = z.number().int().positive();
const link = z.object({
  label: z.string().trim().min(1, "Give the link a label").max(80),
  url: z.url({ protocol: /^https?$/, message: "Links must be http or https URLs" }),
});

export const declareIncidentInput = z.object({
  title,
  severityId: z.number().int().min(1).max(99).default(3),
  kind: z.enum(incidentKinds).default("incident"),
  summary: z.string().trim().max(5000).default(""),
  serviceIds: z.array(id).max(50).default([]),
  isPrivate: z.boolean().default(false),
  impactStartedAt: z.coerce.date().optional(),
  commanderId: id.optional(),
});

export const changeStatusInput = z.object({
  incidentId: id,
  expectedVersion: version,
  to: z.enum(incidentStatuses),
  reason: z.string().trim().max(1000).optional(),
  mergedIntoNumber: z.number().int().positive().optional(),
});

export const updateIncidentInput = z.object({
  incidentId: id,
  expectedVersion: version,
  title: title.optional(),
  summary: z.string().trim().max(5000).optional(),
  severityId: z.number().int().min(1).max(99).optional(),
  customerImpact: z.string().trim().max(5000).optional(),
  links: z.array(link).max(20).optional(),
  serviceIds: z.array(id).max(50).optional(),
  isPrivate: z.boolean().optional(),
});

export const correctMilestoneInput = z.object({
  incidentId: id,
  expectedVersion: version,
  milestone: z.enum(milestones),
  at: z.coerce.date().nullable(),
});

export const assignRoleInput = z.object({
  incidentId: id,
  expectedVersion: version,
  roleKey: z.string().min(1).max(60),
  // Omitted: "I'll take it" — the caller takes the role.
  userId: id.optional(),
});

export const releaseRoleInput = z.object({ incidentId: id, expectedVersion: version, roleKey: z.string().min(1).max(60) });

export const addNoteInput = z.object({
  incidentId: id,
  body: z.string().trim().min(1, "Write something in the note").max(10_000),
  occurredAt: z.coerce.date().optional(),
  // A correction supersedes an earlier note instead of editing it.
  correctsEventId: z.number().int().positive().optional(),
});

export const postStatusUpdateInput = z.object({
  incidentId: id,
  body: z.string().trim().min(1, "Write the update stakeholders will read").max(5000),
});

export const highlightInput = z.object({ incidentId: id, eventId: z.number().int().positive(), isHighlighted: z.boolean() });
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
  severityIds: z.array(z.number().int()).max(10).optional(),
  serviceId: id.optional(),
  commanderId: id.optional(),
  kind: z.enum(incidentKinds).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  text: z.string().trim().max(200).optional(),
  sort: z.enum(["active_first", "newest", "oldest", "severity"]).default("active_first"),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
