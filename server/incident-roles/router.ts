import { z } from "zod";
import { adminProcedure, protectedProcedure, router } from "@/server/trpc/init";
import { serviceContext } from "@/server/trpc/service-context";
import { createRoleType } from "./create";
import { listRoleTypes } from "./list";
import { createRoleTypeInput, roleTypeOutput } from "./schemas";

export const incidentRolesRouter = router({
  list: protectedProcedure
    .input(z.void())
    .output(z.array(roleTypeOutput))
    .query(({ ctx }) => listRoleTypes({ ctx: serviceContext(ctx) })),
  create: adminProcedure
    .input(createRoleTypeInput)
    .output(roleTypeOutput)
    .mutation(({ ctx, input }) => createRoleType({ ctx: serviceContext(ctx), input })),
});
