import type { ServiceContext } from "@/server/context";
import { notFound } from "@/server/errors";
import { loadVisiblePostMortem } from "./access";
import { exportPostMortemMarkdown } from "./export-markdown";

/** A published post-mortem as Markdown (the API's export); drafts are "not found" here. */
export async function getPublishedMarkdown({ ctx, input }: { ctx: ServiceContext; input: { postMortemId: string } }) {
  const { postMortem } = await loadVisiblePostMortem(ctx.db, ctx.actor, input.postMortemId);
  if (postMortem.status !== "published") throw notFound("A published version of that post-mortem");
  return exportPostMortemMarkdown({ ctx, input });
}
