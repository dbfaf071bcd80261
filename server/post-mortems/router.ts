import { z } from "zod";
import { adminProcedure, protectedProcedure, responderProcedure, router } from "@/server/trpc/init";
import { rest } from "@/server/trpc/api-meta";
import { serviceContext } from "@/server/trpc/service-context";
import { getPostMortem } from "./get";
import { findPostMortemForIncident, listPostMortems } from "./list";
import { dismissFlag } from "./blame-flags";
import { getPublishedHtml } from "./published-html";
import { getPublishedMarkdown } from "./published-markdown";
import { publishPostMortem, reopenPostMortem } from "./publish";
import { decideReview, requestReview } from "./review";
import {
  createTemplateInput,
  decideReviewInput,
  dismissFlagInput,
  postMortemIdInput,
  postMortemListItemOutput,
  postMortemOutput,
  requestReviewInput,
  startFromTemplateInput,
  startPostMortemInput,
  templateIdInput,
  templateOutput,
  updateTemplateInput,
} from "./schemas";
import { createTemplate } from "./create-template";
import { deleteTemplate } from "./delete-template";
import { listTemplates } from "./list-templates";
import { setDefaultTemplate } from "./set-default-template";
import { startPostMortem } from "./start";
import { updateTemplate } from "./update-template";

export const postMortemsRouter = router({
  list: protectedProcedure
    .meta(rest("GET", "/post-mortems", "post-mortems:read", "List post-mortems", "Post-mortems"))
    .input(z.void())
    .output(z.array(postMortemListItemOutput))
    .query(({ ctx }) => listPostMortems({ ctx: serviceContext(ctx) })),
  get: protectedProcedure
    .input(postMortemIdInput)
    .output(postMortemOutput)
    .query(({ ctx, input }) => getPostMortem({ ctx: serviceContext(ctx), input })),
  forIncident: protectedProcedure
    .input(startPostMortemInput)
    .output(z.object({ id: z.uuid() }).nullable())
    .query(({ ctx, input }) => findPostMortemForIncident({ ctx: serviceContext(ctx), input })),
  publishedHtml: protectedProcedure
    .input(postMortemIdInput)
    .output(z.string().nullable())
    .query(({ ctx, input }) => getPublishedHtml({ ctx: serviceContext(ctx), input })),
  publishedMarkdown: protectedProcedure
    .meta(rest("GET", "/post-mortems/{postMortemId}/markdown", "post-mortems:read", "Export a published post-mortem as Markdown", "Post-mortems"))
    .input(postMortemIdInput)
    .output(z.object({ filename: z.string(), markdown: z.string() }))
    .query(({ ctx, input }) => getPublishedMarkdown({ ctx: serviceContext(ctx), input })),
  requestReview: responderProcedure
    .input(requestReviewInput)
    .output(z.void())
    .mutation(async ({ ctx, input }) => void (await requestReview({ ctx: serviceContext(ctx), input }))),
  decideReview: responderProcedure
    .input(decideReviewInput)
    .output(z.void())
    .mutation(async ({ ctx, input }) => void (await decideReview({ ctx: serviceContext(ctx), input }))),
  dismissFlag: responderProcedure
    .input(dismissFlagInput)
    .output(z.void())
    .mutation(({ ctx, input }) => dismissFlag({ ctx: serviceContext(ctx), input })),
  publish: responderProcedure
    .input(postMortemIdInput)
    .output(z.void())
    .mutation(async ({ ctx, input }) => void (await publishPostMortem({ ctx: serviceContext(ctx), input }))),
  reopen: responderProcedure
    .input(postMortemIdInput)
    .output(z.void())
    .mutation(async ({ ctx, input }) => void (await reopenPostMortem({ ctx: serviceContext(ctx), input }))),
  start: responderProcedure
    .input(startFromTemplateInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => startPostMortem({ ctx: serviceContext(ctx), input })),
  templates: protectedProcedure
    .input(z.void())
    .output(z.array(templateOutput))
    .query(({ ctx }) => listTemplates({ ctx: serviceContext(ctx) })),
  createTemplate: adminProcedure
    .input(createTemplateInput)
    .output(templateOutput)
    .mutation(({ ctx, input }) => createTemplate({ ctx: serviceContext(ctx), input })),
  updateTemplate: adminProcedure
    .input(updateTemplateInput)
    .output(templateOutput)
    .mutation(({ ctx, input }) => updateTemplate({ ctx: serviceContext(ctx), input })),
  deleteTemplate: adminProcedure
    .input(templateIdInput)
    .output(z.void())
    .mutation(({ ctx, input }) => deleteTemplate({ ctx: serviceContext(ctx), input })),
  setDefaultTemplate: adminProcedure
    .input(templateIdInput)
    .output(z.void())
    .mutation(({ ctx, input }) => setDefaultTemplate({ ctx: serviceContext(ctx), input })),
});
