import { z } from "zod";
import { protectedProcedure, router } from "@/server/trpc/init";
import { serviceContext } from "@/server/trpc/service-context";
import { createApiToken } from "./create";
import { listApiTokens } from "./list";
import { revokeApiToken } from "./revoke";
import { apiTokenIdInput, apiTokenOutput, createApiTokenInput } from "./schemas";

// Open to every signed-in person for their personal tokens; the verbs refuse workspace tokens and
// others' tokens to non-admins.
export const apiTokensRouter = router({
  list: protectedProcedure
    .input(z.void())
    .output(z.array(apiTokenOutput))
    .query(({ ctx }) => listApiTokens({ ctx: serviceContext(ctx) })),
  create: protectedProcedure
    .input(createApiTokenInput)
    .output(z.object({ token: z.string(), apiToken: apiTokenOutput }))
    .mutation(({ ctx, input }) => createApiToken({ ctx: serviceContext(ctx), input })),
  revoke: protectedProcedure
    .input(apiTokenIdInput)
    .output(apiTokenOutput)
    .mutation(({ ctx, input }) => revokeApiToken({ ctx: serviceContext(ctx), input })),
});
