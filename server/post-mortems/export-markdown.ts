import { toMarkdown, type JsonNode } from "@/lib/editor/to-markdown";
import type { ServiceContext } from "@/server/context";
import { reference } from "@/server/incidents/access";
import { eq } from "drizzle-orm";
import { incidents } from "@/db/schema";
import { currentDocumentJson } from "@/server/collab/persistence";
import { loadVisiblePostMortem } from "./access";
import { referenceBlocks } from "./reference-blocks";

/** The post-mortem as a Markdown file, with every acknowledged edit. */
export async function exportPostMortemMarkdown({ ctx, input }: { ctx: ServiceContext; input: { postMortemId: string } }) {
  const { postMortem } = await loadVisiblePostMortem(ctx.db, ctx.actor, input.postMortemId);
  const [incident] = await ctx.db.select().from(incidents).where(eq(incidents.id, postMortem.incidentId));
  if (!incident) throw new Error("post-mortem without incident");
  const markdown = toMarkdown((await currentDocumentJson(ctx.db, postMortem)) as JsonNode, await referenceBlocks(ctx, postMortem.incidentId, postMortem.id));
  return { filename: `${reference(incident)}-post-mortem-r${postMortem.revision}.md`, markdown };
}
