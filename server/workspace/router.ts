import { z } from "zod";
import { adminProcedure, protectedProcedure, router } from "@/server/trpc/init";
import { serviceContext } from "@/server/trpc/service-context";
import { dueDaysInput, dueDaysOutput, getDueDays, setDueDays } from "./due-days";

export const workspaceRouter = router({
  dueDays: protectedProcedure
    .input(z.void())
    .output(dueDaysOutput)
    .query(({ ctx }) => getDueDays({ ctx: serviceContext(ctx) })),
  setDueDays: adminProcedure
    .input(dueDaysInput)
    .output(z.void())
    .mutation(({ ctx, input }) => setDueDays({ ctx: serviceContext(ctx), input })),
});
