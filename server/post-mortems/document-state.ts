import { readDocumentState } from "@/server/collab/persistence";
import type { ServiceContext } from "@/server/context";
import { loadVisiblePostMortem } from "./access";

/**
 * The co-edited document's stored state (base64), for the page to send with its HTML: the editor
 * starts from it and is editable before the co-editing socket has synced, which then only carries
 * the difference. Same visibility rule as `get`; a published post-mortem is shown as HTML instead.
 */
export async function getDocumentState({ ctx, input }: { ctx: ServiceContext; input: { postMortemId: string } }): Promise<string | null> {
  const { postMortem } = await loadVisiblePostMortem(ctx.db, ctx.actor, input.postMortemId);
  if (postMortem.status === "published") return null;
  const state = await readDocumentState(ctx.db, postMortem.id);
  return state ? Buffer.from(state).toString("base64") : null;
}
