import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { postMortems, type PostMortem } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import type { EventInput } from "@/server/incidents/events";
import { mutateIncident, type Mutation } from "@/server/incidents/mutate";
import { loadVisiblePostMortem } from "./access";

// The event names its post-mortem in its data (postMortemId), as every post_mortem.* kind requires.
type Change = { set?: Partial<PostMortem>; event: Extract<EventInput, { kind: `post_mortem.${string}` }>; audit: Mutation["audit"] };

/**
 * Changes a post-mortem's review state under the incident's row lock (then the post-mortem's),
 * so every transition lands on the incident timeline and in the audit log in the same transaction.
 */
export async function transitionPostMortem(ctx: ServiceContext, postMortemId: string, change: (tx: Tx, postMortem: PostMortem, now: Date) => Promise<Change>): Promise<PostMortem> {
  const { postMortem } = await loadVisiblePostMortem(ctx.db, ctx.actor, postMortemId);
  let updated: PostMortem | undefined;
  await mutateIncident(ctx, { incidentId: postMortem.incidentId, expectedVersion: null }, async (tx, _incident, now) => {
    const [locked] = await tx.select().from(postMortems).where(eq(postMortems.id, postMortemId)).for("update");
    if (!locked) throw new Error("post-mortem vanished");
    const result = await change(tx, locked, now);
    [updated] = await tx
      .update(postMortems)
      .set({ ...result.set, updatedAt: now })
      .where(eq(postMortems.id, postMortemId))
      .returning();
    return { changesState: false, events: [result.event], audit: result.audit };
  });
  if (!updated) throw new Error("post-mortem update returned nothing");
  return updated;
}
