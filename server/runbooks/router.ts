import { z } from "zod";
import { protectedProcedure, responderProcedure, router } from "@/server/trpc/init";
import { rest } from "@/server/trpc/api-meta";
import { serviceContext } from "@/server/trpc/service-context";
import { alertsForIncident } from "./alerts";
import { attachAlert } from "./attach-alert";
import { attachRunbook } from "./attach";
import { attachedToIncident } from "./attached";
import { createRunbook } from "./create";
import { diffRunbookRevisions } from "./diff";
import { exportRunbookMarkdown } from "./export-markdown";
import { getRunbook } from "./get";
import { giveFeedback } from "./give-feedback";
import { importMarkdownRunbook } from "./import-markdown";
import { listRunbooks } from "./list";
import { markReviewed } from "./mark-reviewed";
import { pendingFeedback } from "./pending-feedback";
import { restoreRunbook } from "./restore";
import { getRevision, listRevisions } from "./revisions";
import {
  alertOutput,
  attachAlertInput,
  attachedRunbookOutput,
  attachRunbookInput,
  createRunbookInput,
  diffInput,
  diffOutput,
  exportOutput,
  giveFeedbackInput,
  importMarkdownInput,
  incidentIdInput,
  listRunbooksInput,
  pendingFeedbackOutput,
  restoreRunbookInput,
  revisionDetail,
  revisionInput,
  revisionResult,
  revisionSummary,
  runbookDetail,
  runbookIdInput,
  runbookSummary,
  setStepInput,
  setStepNoteInput,
  suggestionOutput,
  updateRunbookInput,
} from "./schemas";
import { setStepNote } from "./set-step-note";
import { setStep } from "./set-step";
import { suggestionsForIncident } from "./suggestions";
import { updateRunbook } from "./update";

// Reads are open to every signed-in person (private incidents are filtered in the verbs); writes need a responder.
export const runbooksRouter = router({
  list: protectedProcedure
    .meta(rest("GET", "/runbooks", "runbooks:read", "List runbooks", "Runbooks"))
    .input(listRunbooksInput)
    .output(z.object({ items: z.array(runbookSummary) }))
    .query(({ ctx, input }) => listRunbooks({ ctx: serviceContext(ctx), input })),
  get: protectedProcedure
    .meta(rest("GET", "/runbooks/{id}", "runbooks:read", "Get a runbook", "Runbooks"))
    .input(runbookIdInput)
    .output(runbookDetail)
    .query(({ ctx, input }) => getRunbook({ ctx: serviceContext(ctx), input })),
  revisions: protectedProcedure
    .input(runbookIdInput)
    .output(z.array(revisionSummary))
    .query(({ ctx, input }) => listRevisions({ ctx: serviceContext(ctx), input })),
  revision: protectedProcedure
    .input(revisionInput)
    .output(revisionDetail)
    .query(({ ctx, input }) => getRevision({ ctx: serviceContext(ctx), input })),
  diff: protectedProcedure
    .input(diffInput)
    .output(diffOutput)
    .query(({ ctx, input }) => diffRunbookRevisions({ ctx: serviceContext(ctx), input })),
  exportMarkdown: protectedProcedure
    .meta(rest("GET", "/runbooks/{id}/markdown", "runbooks:read", "Export a runbook as Markdown", "Runbooks"))
    .input(runbookIdInput)
    .output(exportOutput)
    .query(({ ctx, input }) => exportRunbookMarkdown({ ctx: serviceContext(ctx), input })),
  suggestionsForIncident: protectedProcedure
    .input(incidentIdInput)
    .output(z.array(suggestionOutput))
    .query(({ ctx, input }) => suggestionsForIncident({ ctx: serviceContext(ctx), input })),
  attachedToIncident: protectedProcedure
    .input(incidentIdInput)
    .output(z.array(attachedRunbookOutput))
    .query(({ ctx, input }) => attachedToIncident({ ctx: serviceContext(ctx), input })),
  pendingFeedback: protectedProcedure
    .input(incidentIdInput)
    .output(z.array(pendingFeedbackOutput))
    .query(({ ctx, input }) => pendingFeedback({ ctx: serviceContext(ctx), input })),
  alertsForIncident: protectedProcedure
    .input(incidentIdInput)
    .output(z.array(alertOutput))
    .query(({ ctx, input }) => alertsForIncident({ ctx: serviceContext(ctx), input })),

  create: responderProcedure
    .input(createRunbookInput)
    .output(z.object({ id: z.uuid(), revision: z.number().int() }))
    .mutation(({ ctx, input }) => createRunbook({ ctx: serviceContext(ctx), input })),
  update: responderProcedure
    .input(updateRunbookInput)
    .output(revisionResult)
    .mutation(({ ctx, input }) => updateRunbook({ ctx: serviceContext(ctx), input })),
  restore: responderProcedure
    .input(restoreRunbookInput)
    .output(revisionResult)
    .mutation(({ ctx, input }) => restoreRunbook({ ctx: serviceContext(ctx), input })),
  markReviewed: responderProcedure
    .input(runbookIdInput)
    .output(z.object({ reviewedAt: z.date() }))
    .mutation(({ ctx, input }) => markReviewed({ ctx: serviceContext(ctx), input })),
  importMarkdown: responderProcedure
    .input(importMarkdownInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => importMarkdownRunbook({ ctx: serviceContext(ctx), input })),
  attach: responderProcedure
    .input(attachRunbookInput)
    .output(z.object({ incidentRunbookId: z.uuid() }))
    .mutation(({ ctx, input }) => attachRunbook({ ctx: serviceContext(ctx), input })),
  setStep: responderProcedure
    .input(setStepInput)
    .output(z.void())
    .mutation(({ ctx, input }) => setStep({ ctx: serviceContext(ctx), input })),
  setStepNote: responderProcedure
    .input(setStepNoteInput)
    .output(z.void())
    .mutation(({ ctx, input }) => setStepNote({ ctx: serviceContext(ctx), input })),
  giveFeedback: responderProcedure
    .input(giveFeedbackInput)
    .output(z.void())
    .mutation(({ ctx, input }) => giveFeedback({ ctx: serviceContext(ctx), input })),
  attachAlert: responderProcedure
    .input(attachAlertInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => attachAlert({ ctx: serviceContext(ctx), input })),
});
