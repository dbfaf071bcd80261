import { z } from "zod";
import { protectedProcedure, responderProcedure, router } from "@/server/trpc/init";
import { serviceContext } from "@/server/trpc/service-context";
import { createActionItem } from "./create";
import { listActionItems } from "./list";
import { actionItemOutput, createActionItemInput, listActionItemsInput, setActionItemStatusInput } from "./schemas";
import { setActionItemStatus } from "./set-status";

export const actionItemsRouter = router({
  list: protectedProcedure.input(listActionItemsInput).output(z.array(actionItemOutput)).query(({ ctx, input }) => listActionItems({ ctx: serviceContext(ctx), input })),
  create: responderProcedure.input(createActionItemInput).output(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => createActionItem({ ctx: serviceContext(ctx), input })),
  // Owners may update their own items even as viewers, so this is protected, and the verb decides.
  setStatus: protectedProcedure.input(setActionItemStatusInput).output(z.void()).mutation(({ ctx, input }) => setActionItemStatus({ ctx: serviceContext(ctx), input })),
});
