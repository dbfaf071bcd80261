import { z } from "zod";
import { postMortemStatuses } from "@/lib/post-mortem-status";

export const startPostMortemInput = z.object({ incidentId: z.uuid() });
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
  dueAt: z.coerce.date().optional(),
});
export const decideReviewInput = z.object({
  postMortemId: z.uuid(),
  decision: z.enum(["approved", "changes_requested"]),
  comment: z.string().trim().max(2000).optional(),
});

export const dismissFlagInput = z.object({
  postMortemId: z.uuid(),
  flagKey: z.string().min(3).max(300),
  reason: z.string().trim().min(3, "Say why this phrasing is fine here").max(500),
});
