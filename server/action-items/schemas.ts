import { z } from "zod";
import { dateInput } from "@/lib/validation/dates";
import { actionItemKinds, actionItemPriorities, actionItemStatuses } from "@/lib/action-items";
import { coercedInt4 } from "@/lib/validation/numbers";
import { text } from "@/lib/validation/text";

export const createActionItemInput = z.object({
  title: text({ min: 3, minMessage: "Describe the follow-up in a few words", max: 300 }),
  description: text({ max: 5000 }).default(""),
  ownerId: z.uuid("Choose an owner: every action item has one"),
  incidentId: z.uuid().optional(),
  postMortemId: z.uuid().optional(),
  // Omitted: due date from the incident's severity (workspace setting), or 30 days.
  dueAt: dateInput().optional(),
  priority: z.enum(actionItemPriorities).default("medium"),
  kind: z.enum(actionItemKinds).default("prevent"),
  teamId: z.uuid().optional(),
  // "Update the checkout runbook": the item then counts against that runbook's freshness.
  runbookId: z.uuid().optional(),
  trackerUrl: z.url({ protocol: /^https?$/, message: "The tracker link must be an http or https URL" }).optional(),
});

export const setActionItemStatusInput = z.object({
  actionItemId: z.uuid(),
  status: z.enum(actionItemStatuses),
  reason: text({ max: 1000 }).optional(),
});

// The leads' filters; every one is also a URL parameter on the dashboard.
export const actionItemFilters = z.object({
  ownerId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  kind: z.enum(actionItemKinds).optional(),
  priority: z.enum(actionItemPriorities).optional(),
  status: z.enum([...actionItemStatuses, "active"]).optional(),
  due: z.enum(["overdue", "due_soon"]).optional(),
});
export type ActionItemFilters = z.infer<typeof actionItemFilters>;

export const listActionItemsInput = z.object({
  scope: z.enum(["mine", "incident", "post_mortem", "all"]),
  // The leads' filters (scope "all"), flat so each is also a query parameter of GET /api/v1/action-items.
  ...actionItemFilters.shape,
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
  createdAt: z.date(),
  isOverdue: z.boolean(),
  canEdit: z.boolean(),
});
export type ActionItemOutput = z.infer<typeof actionItemOutput>;

// Leads' bulk edit: one change applied to many items, all or nothing.
export const updateActionItemsInput = z
  .object({
    actionItemIds: z.array(z.uuid()).min(1, "Select at least one action item").max(200, "Change at most 200 items at once"),
    ownerId: z.uuid("Choose an owner").optional(),
    dueAt: dateInput().optional(),
    status: z.enum(actionItemStatuses).optional(),
    reason: text({ max: 1000 }).optional(),
  })
  .refine((input) => input.ownerId || input.dueAt || input.status, { message: "Choose a new owner, due date or status", path: ["status"] })
  .refine((input) => input.status !== "wont_do" || !!input.reason, { message: "Say why these will not be done", path: ["reason"] });

export const dashboardInput = actionItemFilters.extend({
  // How many weeks the completion chart and the post-mortem share look back.
  weeks: coercedInt4({ min: 4, max: 52, message: "Look back between 4 and 52 weeks" }).default(12),
});

const breakdownRow = z.object({ key: z.string(), label: z.string(), open: z.number(), overdue: z.number(), dueSoon: z.number() });
export const dashboardOutput = z.object({
  totals: z.object({ open: z.number(), overdue: z.number(), dueSoon: z.number(), closedInWindow: z.number() }),
  byOwner: z.array(breakdownRow),
  byTeam: z.array(breakdownRow),
  byKind: z.array(breakdownRow),
  ageing: z.array(z.object({ label: z.string(), count: z.number() })),
  completion: z.array(z.object({ weekStart: z.date(), created: z.number(), closed: z.number() })),
  postMortems: z.object({ closedOnTime: z.number(), missed: z.number(), pending: z.number(), share: z.number().nullable() }),
  dueSoonDays: z.number(),
});
export type Dashboard = z.infer<typeof dashboardOutput>;
