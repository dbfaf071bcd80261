import { toSafeHtml } from "@/lib/editor/to-html";
import type { JsonNode } from "@/lib/editor/to-markdown";
import { currentDocumentJson } from "@/server/collab/persistence";
import type { ServiceContext } from "@/server/context";
import { loadVisiblePostMortem } from "./access";
import { referenceBlocks } from "./reference-blocks";

/** The published revision as allow-listed HTML, rendered here rather than in the browser. */
export async function getPublishedHtml({ ctx, input }: { ctx: ServiceContext; input: { postMortemId: string } }) {
  const { postMortem } = await loadVisiblePostMortem(ctx.db, ctx.actor, input.postMortemId);
  if (postMortem.status !== "published") return null;
  return toSafeHtml((await currentDocumentJson(ctx.db, postMortem)) as JsonNode, await referenceBlocks(ctx, postMortem.incidentId, postMortem.id));
}
