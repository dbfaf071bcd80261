import { z } from "zod";
import { adminProcedure, router } from "@/server/trpc/init";
import { serviceContext } from "@/server/trpc/service-context";
import { createAlertRule } from "./create-rule";
import { deleteAlertRule } from "./delete-rule";
import { listAlertRules } from "./list-rules";
import { moveAlertRule } from "./move-rule";
import { previewAlertRule } from "./preview-rule";
import { alertRuleIdInput, alertRuleOutput, alertRulePreviewOutput, createAlertRuleInput, moveAlertRuleInput, previewAlertRuleInput, updateAlertRuleInput } from "./schemas";
import { updateAlertRule } from "./update-rule";

export const alertRulesRouter = router({
  list: adminProcedure
    .input(z.void())
    .output(z.array(alertRuleOutput))
    .query(({ ctx }) => listAlertRules({ ctx: serviceContext(ctx) })),
  create: adminProcedure
    .input(createAlertRuleInput)
    .output(alertRuleOutput)
    .mutation(({ ctx, input }) => createAlertRule({ ctx: serviceContext(ctx), input })),
  update: adminProcedure
    .input(updateAlertRuleInput)
    .output(alertRuleOutput)
    .mutation(({ ctx, input }) => updateAlertRule({ ctx: serviceContext(ctx), input })),
  delete: adminProcedure
    .input(alertRuleIdInput)
    .output(z.void())
    .mutation(({ ctx, input }) => deleteAlertRule({ ctx: serviceContext(ctx), input })),
  // Answers with the whole list in its new order, so the page shows it without another round trip.
  move: adminProcedure
    .input(moveAlertRuleInput)
    .output(z.array(alertRuleOutput))
    .mutation(({ ctx, input }) => moveAlertRule({ ctx: serviceContext(ctx), input })),
  // A query: it changes nothing, and the page asks again as the labels are typed.
  preview: adminProcedure
    .input(previewAlertRuleInput)
    .output(alertRulePreviewOutput)
    .query(({ ctx, input }) => previewAlertRule({ ctx: serviceContext(ctx), input })),
});
