import { z } from "zod";
import { adminProcedure, protectedProcedure, router } from "@/server/trpc/init";
import { rest } from "@/server/trpc/api-meta";
import { serviceContext } from "@/server/trpc/service-context";
import { changeRole } from "./change-role";
import { createUser } from "./create";
import { listDirectory } from "./directory";
import { listUsers } from "./list";
import { changeRoleInput, createUserInput, directoryEntryOutput, setActiveInput, userOutput } from "./schemas";
import { setUserActive } from "./set-active";

export const usersRouter = router({
  list: adminProcedure
    .meta(rest("GET", "/users", "admin:read", "List people (admin)", "Workspace"))
    .input(z.void())
    .output(z.array(userOutput))
    .query(({ ctx }) => listUsers({ ctx: serviceContext(ctx) })),
  // For @mentions: readable by every signed-in person, so it carries names only.
  directory: protectedProcedure
    .input(z.void())
    .output(z.array(directoryEntryOutput))
    .query(({ ctx }) => listDirectory({ ctx: serviceContext(ctx) })),
  create: adminProcedure
    .input(createUserInput)
    .output(userOutput)
    .mutation(({ ctx, input }) => createUser({ ctx: serviceContext(ctx), input })),
  changeRole: adminProcedure
    .input(changeRoleInput)
    .output(userOutput)
    .mutation(({ ctx, input }) => changeRole({ ctx: serviceContext(ctx), input })),
  setActive: adminProcedure
    .input(setActiveInput)
    .output(userOutput)
    .mutation(({ ctx, input }) => setUserActive({ ctx: serviceContext(ctx), input })),
});
