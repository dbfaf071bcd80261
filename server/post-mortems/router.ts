import { z } from "zod";
import { protectedProcedure, responderProcedure, router } from "@/server/trpc/init";
import { serviceContext } from "@/server/trpc/service-context";
import { getPostMortem } from "./get";
import { findPostMortemForIncident, listPostMortems } from "./list";
import { postMortemIdInput, postMortemListItemOutput, postMortemOutput, startPostMortemInput } from "./schemas";
import { startPostMortem } from "./start";

export const postMortemsRouter = router({
  list: protectedProcedure.input(z.void()).output(z.array(postMortemListItemOutput)).query(({ ctx }) => listPostMortems({ ctx: serviceContext(ctx) })),
  get: protectedProcedure.input(postMortemIdInput).output(postMortemOutput).query(({ ctx, input }) => getPostMortem({ ctx: serviceContext(ctx), input })),
  forIncident: protectedProcedure
    .input(startPostMortemInput)
    .output(z.object({ id: z.uuid() }).nullable())
    .query(({ ctx, input }) => findPostMortemForIncident({ ctx: serviceContext(ctx), input })),
  start: responderProcedure.input(startPostMortemInput).output(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => startPostMortem({ ctx: serviceContext(ctx), input })),
});
