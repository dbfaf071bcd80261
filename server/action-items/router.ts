import { z } from "zod";
import { protectedProcedure, responderProcedure, router } from "@/server/trpc/init";
import { rest } from "@/server/trpc/api-meta";
import { serviceContext } from "@/server/trpc/service-context";
import { createActionItem } from "./create";
import { actionItemDashboard } from "./dashboard";
import { listActionItems } from "./list";
import { actionItemOutput, createActionItemInput, dashboardInput, dashboardOutput, listActionItemsInput, setActionItemStatusInput, updateActionItemsInput } from "./schemas";
import { setActionItemStatus } from "./set-status";
import { updateActionItems } from "./update-many";

export const actionItemsRouter = router({
  list: protectedProcedure
    .meta(rest("GET", "/action-items", "action-items:read", "List action items", "Action items"))
    .input(listActionItemsInput)
    .output(z.array(actionItemOutput))
    .query(({ ctx, input }) => listActionItems({ ctx: serviceContext(ctx), input })),
  dashboard: protectedProcedure
    .input(dashboardInput)
    .output(dashboardOutput)
    .query(({ ctx, input }) => actionItemDashboard({ ctx: serviceContext(ctx), input })),
  create: responderProcedure
    .meta(rest("POST", "/action-items", "action-items:write", "Create an action item", "Action items"))
    .input(createActionItemInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => createActionItem({ ctx: serviceContext(ctx), input })),
  // Owners may update their own items even as viewers, so these are protected, and the verbs decide.
  setStatus: protectedProcedure
    .meta(rest("POST", "/action-items/{actionItemId}/status", "action-items:write", "Change an action item's status", "Action items"))
    .input(setActionItemStatusInput)
    .output(z.void())
    .mutation(({ ctx, input }) => setActionItemStatus({ ctx: serviceContext(ctx), input })),
  update: protectedProcedure
    .input(updateActionItemsInput)
    .output(z.object({ updated: z.number() }))
    .mutation(({ ctx, input }) => updateActionItems({ ctx: serviceContext(ctx), input })),
});
