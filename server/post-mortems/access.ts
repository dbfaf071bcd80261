import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { postMortems, type PostMortem } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { Actor } from "@/server/context";
import { notFound } from "@/server/errors";
import { visibleThrough } from "@/server/incidents/access";

/** A post-mortem is visible exactly when its incident is (private incidents included); hidden reads as missing. */
export async function loadVisiblePostMortem(db: DbOrTx, actor: Actor, postMortemId: string): Promise<{ postMortem: PostMortem; canEdit: boolean }> {
  const [postMortem] = await db
    .select()
    .from(postMortems)
    .where(and(eq(postMortems.id, postMortemId), visibleThrough(actor, postMortems.incidentId)));
  if (!postMortem) throw notFound("That post-mortem");
  // Published revisions are read-only; reopening starts a new revision.
  return { postMortem, canEdit: can(actor, "post_mortem.edit", postMortem) };
}
