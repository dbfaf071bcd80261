import { z } from "zod";
import { dateInput } from "@/lib/validation/dates";
import { postMortemStatuses } from "@/lib/post-mortem-status";
import { text } from "@/lib/validation/text";

export const startPostMortemInput = z.object({ incidentId: z.uuid() });
// Without a template, the workspace's default one is used.
export const startFromTemplateInput = startPostMortemInput.extend({ templateId: z.uuid().optional() });
export const postMortemIdInput = z.object({ postMortemId: z.uuid() });

export const reviewOutput = z.object({
  reviewer: z.object({ id: z.uuid(), name: z.string() }),
  decision: z.enum(["pending", "approved", "changes_requested"]),
  comment: z.string().nullable(),
  decidedAt: z.date().nullable(),
});

export const postMortemOutput = z.object({
  id: z.uuid(),
  status: z.enum(postMortemStatuses),
  revision: z.number(),
  incident: z.object({ id: z.uuid(), reference: z.string(), title: z.string(), isPrivate: z.boolean() }),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  sections: z.array(z.object({ title: z.string(), guidance: z.string() })),
  canEdit: z.boolean(),
  // May take part in the review workflow (responders and admins).
  canAct: z.boolean(),
  updatedAt: z.date(),
  reviewDueAt: z.date().nullable(),
  published: z.object({ at: z.date(), by: z.string() }).nullable(),
  reviews: z.array(reviewOutput),
  dismissedFlagKeys: z.array(z.string()),
  // Everyone in the workspace, for the blameless check's "person named as the cause" rule.
  personNames: z.array(z.string()),
});

export const postMortemListItemOutput = postMortemOutput.omit({ sections: true, canEdit: true, canAct: true, published: true, reviews: true, dismissedFlagKeys: true, personNames: true });

export const requestReviewInput = z.object({
  postMortemId: z.uuid(),
  reviewerIds: z.array(z.uuid()).min(1, "Choose at least one reviewer").max(10),
  dueAt: dateInput().optional(),
});
export const decideReviewInput = z.object({
  postMortemId: z.uuid(),
  decision: z.enum(["approved", "changes_requested"]),
  comment: text({ max: 2000 }).optional(),
});

export const dismissFlagInput = z.object({
  postMortemId: z.uuid(),
  flagKey: text({ min: 3, max: 300, keepSpaces: true }),
  reason: text({ min: 3, minMessage: "Say why this phrasing is fine here", max: 500 }),
});

// Templates: sections in order, each a heading with the guidance shown under it while it is empty.
const templateSection = z.object({
  title: text({ min: 1, minMessage: "Give every section a title", max: 80, maxMessage: "Keep section titles under 80 characters" }),
  guidance: text({ max: 500, maxMessage: "Keep guidance under 500 characters" }),
});
const templateSections = z
  .array(templateSection)
  .min(1, "A template needs at least one section")
  .max(30, "A template can have at most 30 sections")
  // The editor finds a section's guidance by its title, so two sections cannot share one.
  .refine((sections) => new Set(sections.map((s) => s.title.toLowerCase())).size === sections.length, "Two sections have the same title; give each its own");
const templateName = text({ min: 1, minMessage: "Name the template", max: 80, maxMessage: "Keep the name under 80 characters" });

export const createTemplateInput = z.object({ name: templateName, sections: templateSections });
export const updateTemplateInput = z.object({ templateId: z.uuid(), name: templateName, sections: templateSections });
export const templateIdInput = z.object({ templateId: z.uuid() });
export const templateOutput = z.object({ id: z.uuid(), name: z.string(), sections: z.array(z.object({ title: z.string(), guidance: z.string() })), isDefault: z.boolean() });
