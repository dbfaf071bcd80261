import { z } from "zod";
import { actionItemKinds, actionItemPriorities, actionItemStatuses } from "@/lib/action-items";

export const createActionItemInput = z.object({
  title: z.string().trim().min(3, "Describe the follow-up in a few words").max(300),
  description: z.string().trim().max(5000).default(""),
  ownerId: z.uuid("Choose an owner: every action item has one"),
  incidentId: z.uuid().optional(),
  postMortemId: z.uuid().optional(),
  // Omitted: due date from the incident's severity (workspace setting), or 30 days.
  dueAt: z.coerce.date().optional(),
  priority: z.enum(actionItemPriorities).default("medium"),
  kind: z.enum(actionItemKinds).default("prevent"),
  teamId: z.uuid().optional(),
  trackerUrl: z.url({ protocol: /^https?$/, message: "The tracker link must be an http or https URL" }).optional(),
});

export const setActionItemStatusInput = z.object({
  actionItemId: z.uuid(),
  status: z.enum(actionItemStatuses),
  reason: z.string().trim().max(1000).optional(),
});

export const listActionItemsInput = z.object({
  scope: z.enum(["mine", "incident", "post_mortem"]),
  incidentId: z.uuid().optional(),
  postMortemId: z.uuid().optional(),
  includeClosed: z.boolean().default(true),
});

export const actionItemOutput = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  incident: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  postMortemId: z.uuid().nullable(),
  dueAt: z.date(),
  priority: z.enum(actionItemPriorities),
  kind: z.enum(actionItemKinds),
  status: z.enum(actionItemStatuses),
  wontDoReason: z.string().nullable(),
  doneAt: z.date().nullable(),
  doneBy: z.string().nullable(),
  tracker: z.object({ url: z.string(), label: z.string() }).nullable(),
  isOverdue: z.boolean(),
  canEdit: z.boolean(),
});
export type ActionItemOutput = z.infer<typeof actionItemOutput>;
