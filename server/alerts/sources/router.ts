import { z } from "zod";
import { adminProcedure, router } from "@/server/trpc/init";
import { serviceContext } from "@/server/trpc/service-context";
import { createAlertSource } from "./create";
import { deleteAlertSource } from "./delete";
import { getAlertSource } from "./get";
import { listAlertSources } from "./list";
import { rotateAlertSourceToken } from "./rotate-token";
import { alertSourceDetailOutput, alertSourceIdInput, alertSourceOutput, alertSourceWithTokenOutput, createAlertSourceInput, testAlertOutput, updateAlertSourceInput } from "./schemas";
import { sendTestAlert } from "./send-test";
import { updateAlertSource } from "./update";

export const alertSourcesRouter = router({
  list: adminProcedure
    .input(z.void())
    .output(z.array(alertSourceOutput))
    .query(({ ctx }) => listAlertSources({ ctx: serviceContext(ctx) })),
  get: adminProcedure
    .input(alertSourceIdInput)
    .output(alertSourceDetailOutput)
    .query(({ ctx, input }) => getAlertSource({ ctx: serviceContext(ctx), input })),
  create: adminProcedure
    .input(createAlertSourceInput)
    .output(alertSourceWithTokenOutput)
    .mutation(({ ctx, input }) => createAlertSource({ ctx: serviceContext(ctx), input })),
  update: adminProcedure
    .input(updateAlertSourceInput)
    .output(alertSourceOutput)
    .mutation(({ ctx, input }) => updateAlertSource({ ctx: serviceContext(ctx), input })),
  rotateToken: adminProcedure
    .input(alertSourceIdInput)
    .output(alertSourceWithTokenOutput)
    .mutation(({ ctx, input }) => rotateAlertSourceToken({ ctx: serviceContext(ctx), input })),
  delete: adminProcedure
    .input(alertSourceIdInput)
    .output(z.void())
    .mutation(({ ctx, input }) => deleteAlertSource({ ctx: serviceContext(ctx), input })),
  sendTest: adminProcedure
    .input(alertSourceIdInput)
    .output(testAlertOutput)
    .mutation(({ ctx, input }) => sendTestAlert({ ctx: serviceContext(ctx), input })),
});
