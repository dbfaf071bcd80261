import { z } from "zod";
import { adminProcedure, protectedProcedure, router } from "@/server/trpc/init";
import { rest } from "@/server/trpc/api-meta";
import { serviceContext } from "@/server/trpc/service-context";
import { addTeamMember } from "./add-member";
import { createTeam } from "./create";
import { listTeams } from "./list";
import { removeTeamMember } from "./remove-member";
import { createTeamInput, removeTeamMemberInput, teamMemberInput, teamOutput } from "./schemas";

export const teamsRouter = router({
  list: protectedProcedure
    .meta(rest("GET", "/teams", "workspace:read", "List teams", "Workspace"))
    .input(z.void())
    .output(z.array(teamOutput))
    .query(({ ctx }) => listTeams({ ctx: serviceContext(ctx) })),
  create: adminProcedure
    .input(createTeamInput)
    .output(teamOutput)
    .mutation(({ ctx, input }) => createTeam({ ctx: serviceContext(ctx), input })),
  addMember: adminProcedure
    .input(teamMemberInput)
    .output(z.void())
    .mutation(({ ctx, input }) => addTeamMember({ ctx: serviceContext(ctx), input })),
  removeMember: adminProcedure
    .input(removeTeamMemberInput)
    .output(z.void())
    .mutation(({ ctx, input }) => removeTeamMember({ ctx: serviceContext(ctx), input })),
});
