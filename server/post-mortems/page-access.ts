import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { isUuid } from "@/lib/validation/ids";
import type { SessionUser } from "@/server/auth/session-user";
import { readDocumentState } from "@/server/collab/persistence";
import type { ServiceContext } from "@/server/context";
import { isFound } from "@/server/errors";
import { loadVisiblePostMortem } from "./access";
import { getPostMortem } from "./get";
import { postMortemOutput } from "./schemas";

/** For the post-mortem page: outsiders to a private incident get a real 404, like for the incident. */
export async function canSeePostMortem(user: SessionUser, postMortemId: string): Promise<boolean> {
  return isUuid(postMortemId) && isFound(async () => loadVisiblePostMortem(await getDb(), user, postMortemId));
}

export type PostMortemPageData = { postMortem: z.infer<typeof postMortemOutput>; documentState: string | null };

/**
 * What the post-mortem page renders with, read on the server so the first paint is the post-mortem,
 * not a spinner: the post-mortem as `postMortems.get` answers it (same verb, same output schema, so
 * the same visibility rule) and, unless published, the co-edited document's stored state (base64):
 * the editor starts from it and is editable before the co-editing socket has synced, which then only
 * carries the difference. Null when the reader may not see it (the page answers 404).
 */
export async function loadPostMortemPage(user: SessionUser, postMortemId: string): Promise<PostMortemPageData | null> {
  if (!isUuid(postMortemId)) return null;
  return readPostMortemPage({ db: await getDb(), actor: user, requestId: randomUUID() }, postMortemId);
}

export async function readPostMortemPage(ctx: ServiceContext, postMortemId: string): Promise<PostMortemPageData | null> {
  let data: PostMortemPageData | null = null;
  const found = await isFound(async () => {
    const postMortem = postMortemOutput.parse(await getPostMortem({ ctx, input: { postMortemId } }));
    // A published post-mortem is shown as server-rendered HTML, never in the editor.
    const state = postMortem.status === "published" ? null : await readDocumentState(ctx.db, postMortem.id);
    data = { postMortem, documentState: state ? Buffer.from(state).toString("base64") : null };
  });
  return found ? data : null;
}
