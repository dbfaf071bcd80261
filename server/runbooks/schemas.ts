import { labelMatcher } from "@/lib/validation/label-matcher";
import { z } from "zod";
import { actionItemStatuses } from "@/lib/action-items";
import { alertStatuses, alertTiers } from "@/lib/alerts";
import { incidentKinds } from "@/lib/incident-lifecycle";
import { freshnessStates } from "@/lib/runbooks/freshness";
import { int4, positiveInt4 } from "@/lib/validation/numbers";
import { richDocument as richDocumentInput } from "@/lib/validation/rich-document";
import { text } from "@/lib/validation/text";

const id = z.uuid();
const named = z.object({ id: z.uuid(), name: z.string() });
const revisionNumber = positiveInt4("That revision number is out of range; reload the runbook");

// A stored tiptap document as the server sends it. What it accepts is checked node by node against
// the editor's schema (lib/validation/rich-document.ts); answers stay lenient so an old row still opens.
export const richDocument = z.object({
  type: z.literal("doc", "The body must be a document"),
  content: z.array(z.unknown()).max(5000, "The runbook is too long").optional(),
});

export const alertMatcher = labelMatcher;

const title = text({ min: 3, minMessage: "Give the runbook a title of at least 3 characters", max: 200, maxMessage: "Keep the title under 200 characters" });

const runbookFields = {
  title,
  summary: text({ max: 2000, maxMessage: "Keep the summary under 2000 characters" }).default(""),
  body: richDocumentInput(),
  ownerTeamId: id.nullable().default(null),
  serviceIds: z.array(id).max(50).default([]),
  incidentKinds: z.array(z.enum(incidentKinds)).max(incidentKinds.length).default([]),
  severityIds: z
    .array(int4({ min: 1, max: 99, message: "Choose severities from the list" }))
    .max(20)
    .default([]),
  alertMatchers: z.array(alertMatcher).max(20, "At most 20 alert matchers").default([]),
  reviewIntervalDays: int4({ min: 1, max: 730, message: "Review at least once every 2 years" }).default(90),
  note: text({ max: 500, maxMessage: "Keep the revision note under 500 characters" }).default(""),
};

// ---- inputs

export const listRunbooksInput = z.object({
  q: text({ max: 200 }).optional(),
  serviceId: id.optional(),
  teamId: id.optional(),
  freshness: z.enum(freshnessStates).optional(),
  mine: z.boolean().optional(),
});
export const runbookIdInput = z.object({ id });
export const revisionInput = z.object({ id, number: revisionNumber });
export const diffInput = z.object({ id, from: revisionNumber, to: revisionNumber });
export const incidentIdInput = z.object({ incidentId: id });

export const createRunbookInput = z.object(runbookFields);
export const updateRunbookInput = z.object({ id, baseRevision: revisionNumber, ...runbookFields });
export const restoreRunbookInput = z.object({ id, number: revisionNumber, baseRevision: revisionNumber });
export const importMarkdownInput = z.object({
  markdown: text({ min: 1, minMessage: "Paste or upload some Markdown", max: 200_000, maxMessage: "That Markdown file is too large (200 KB at most)", keepSpaces: true }),
  ownerTeamId: id.optional(),
  serviceIds: z.array(id).max(50).optional(),
});
export const attachRunbookInput = z.object({ incidentId: id, runbookId: id });
const stepId = text({ min: 1, max: 64, keepSpaces: true });
export const setStepInput = z.object({ incidentRunbookId: id, stepId, done: z.boolean() });
export const setStepNoteInput = z.object({ incidentRunbookId: id, stepId, note: text({ max: 2000, maxMessage: "Keep the note under 2000 characters" }) });
export const giveFeedbackInput = z.object({
  runbookId: id,
  incidentId: id,
  helpful: z.boolean(),
  comment: text({ max: 2000, maxMessage: "Keep the comment under 2000 characters" }).default(""),
});
export const attachAlertInput = z.object({
  incidentId: id,
  title: text({ min: 1, minMessage: "Give the alert a title", max: 300 }),
  labels: z
    .record(text({ max: 100, keepSpaces: true }).regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "Alert label names use letters, digits and underscore"), text({ max: 500, keepSpaces: true }))
    .refine((labels) => Object.keys(labels).length <= 50, "At most 50 labels per alert"),
});

// ---- outputs

export const freshnessOutput = z.object({ state: z.enum(freshnessStates), reasons: z.array(z.string()) });

export const runbookSummary = z.object({
  id,
  title: z.string(),
  summary: z.string(),
  ownerTeam: named.nullable(),
  services: z.array(named),
  freshness: freshnessOutput,
  lastReviewedAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revision: z.number().int(),
  updatedAt: z.date(),
});
export type RunbookSummary = z.infer<typeof runbookSummary>;

export const runbookStep = z.object({ id: z.string(), text: z.string() });

export const targetingActionItem = z.object({
  id,
  title: z.string(),
  status: z.enum(actionItemStatuses),
  owner: named,
  dueAt: z.date(),
  isOverdue: z.boolean(),
  // Set when the item came from a published post-mortem.
  postMortemId: id.nullable(),
  incident: z.object({ id, reference: z.string() }).nullable(),
});

export const runbookDetail = runbookSummary.extend({
  body: richDocument,
  steps: z.array(runbookStep),
  incidentKinds: z.array(z.enum(incidentKinds)),
  severityIds: z.array(z.number().int()),
  alertMatchers: z.array(alertMatcher),
  reviewIntervalDays: z.number().int(),
  lastReviewedBy: named.nullable(),
  createdAt: z.date(),
  feedback: z.object({
    helpful: z.number().int(),
    unhelpful: z.number().int(),
    latest: z.array(z.object({ id, helpful: z.boolean(), comment: z.string(), user: named, createdAt: z.date() })),
  }),
  targetingActionItems: z.array(targetingActionItem),
});
export type RunbookDetail = z.infer<typeof runbookDetail>;

export const revisionSummary = z.object({
  number: z.number().int(),
  title: z.string(),
  note: z.string(),
  author: named,
  createdAt: z.date(),
  restoredFrom: z.number().int().nullable(),
});
export const revisionDetail = revisionSummary.extend({ summary: z.string(), body: richDocument, steps: z.array(runbookStep) });

const change = z.object({ from: z.string(), to: z.string() });
export const diffOutput = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: change.optional(),
  summary: change.optional(),
  lines: z.array(z.object({ kind: z.enum(["same", "added", "removed"]), text: z.string() })),
});

export const exportOutput = z.object({ filename: z.string(), markdown: z.string() });

export const suggestionOutput = z.object({ runbook: runbookSummary, reasons: z.array(z.string()), attached: z.boolean() });

export const attachedRunbookOutput = z.object({
  incidentRunbookId: id,
  runbook: z.object({ id, title: z.string() }),
  revision: z.number().int(),
  attachedBy: named,
  attachedAt: z.date(),
  steps: z.array(z.object({ id: z.string(), text: z.string(), done: z.boolean(), doneBy: named.nullable(), doneAt: z.date().nullable(), note: z.string() })),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
});

export const pendingFeedbackOutput = z.object({ incidentRunbookId: id, runbook: z.object({ id, title: z.string() }) });

export const alertOutput = z.object({
  id,
  title: z.string(),
  labels: z.record(z.string(), z.string()),
  source: z.string(),
  firedAt: z.date(),
  attachedBy: named.nullable(),
  // From the ingested alert, when this row stands for one (null for alerts attached by hand).
  alertId: id.nullable(),
  status: z.enum(alertStatuses).nullable(),
  tier: z.enum(alertTiers).nullable(),
  occurrences: z.number().int().nullable(),
  lastSeenAt: z.date().nullable(),
});

export const revisionResult = z.object({ revision: z.number().int() });
