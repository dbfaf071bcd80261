import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getDb } from "@/db/client";
import type { SessionUser } from "@/server/auth/session-user";
import type { ServiceContext } from "@/server/context";
import { isFound } from "@/server/errors";
import { loadVisiblePostMortem } from "./access";
import { getDocumentState } from "./document-state";
import { getPostMortem } from "./get";
import { postMortemOutput } from "./schemas";

/** For the post-mortem page: outsiders to a private incident get a real 404, like for the incident. */
export async function canSeePostMortem(user: SessionUser, postMortemId: string): Promise<boolean> {
  return /^[0-9a-f-]{36}$/i.test(postMortemId) && isFound(async () => loadVisiblePostMortem(await getDb(), user, postMortemId));
}

export type PostMortemPageData = { postMortem: z.infer<typeof postMortemOutput>; documentState: string | null };

/**
 * What the post-mortem page renders with, read on the server so the first paint is the document,
 * not a spinner: the post-mortem as `postMortems.get` answers it (same output schema) and the stored
 * co-editing state. Null when the reader may not see it (the page answers 404).
 */
export async function loadPostMortemPage(user: SessionUser, postMortemId: string): Promise<PostMortemPageData | null> {
  if (!/^[0-9a-f-]{36}$/i.test(postMortemId)) return null;
  const ctx: ServiceContext = { db: await getDb(), actor: user, requestId: randomUUID() };
  const input = { postMortemId };
  let data: PostMortemPageData | null = null;
  const found = await isFound(async () => {
    const [postMortem, documentState] = await Promise.all([getPostMortem({ ctx, input }), getDocumentState({ ctx, input })]);
    data = { postMortem: postMortemOutput.parse(postMortem), documentState };
  });
  return found ? data : null;
}
