import { z } from "zod";
import { protectedProcedure, router } from "@/server/trpc/init";
import { serviceContext } from "@/server/trpc/service-context";
import { getAlert } from "./get";
import { listAlerts } from "./list";
import { alertIdInput, alertOutput, alertSummaryOutput, listAlertsInput } from "./schemas";

export const alertsRouter = router({
  list: protectedProcedure
    .input(listAlertsInput)
    .output(z.array(alertSummaryOutput))
    .query(({ ctx, input }) => listAlerts({ ctx: serviceContext(ctx), input })),
  get: protectedProcedure
    .input(alertIdInput)
    .output(alertOutput)
    .query(({ ctx, input }) => getAlert({ ctx: serviceContext(ctx), input })),
});
