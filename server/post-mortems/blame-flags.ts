import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { postMortemFlagDismissals, users, type PostMortem } from "@/db/schema";
import { flagsInBlocks, textBlocksOfJson } from "@/lib/blameless/document-flags";
import { recordAudit } from "@/server/audit/record";
import { currentDocumentJson } from "@/server/collab/persistence";
import type { ServiceContext } from "@/server/context";
import { conflict, forbidden } from "@/server/errors";
import { loadVisiblePostMortem } from "./access";
import type { dismissFlagInput } from "./schemas";

export async function dismissedFlagKeys(db: DbOrTx, postMortem: Pick<PostMortem, "id" | "revision">): Promise<string[]> {
  const rows = await db
    .select({ key: postMortemFlagDismissals.flagKey })
    .from(postMortemFlagDismissals)
    .where(and(eq(postMortemFlagDismissals.postMortemId, postMortem.id), eq(postMortemFlagDismissals.revision, postMortem.revision)));
  return rows.map((row) => row.key);
}

/** Flags in the stored document that nobody fixed or dismissed: publishing waits for none. */
export async function openBlameFlags(db: DbOrTx, postMortem: PostMortem) {
  const names = (await db.select({ name: users.name }).from(users)).map((u) => u.name);
  const flags = flagsInBlocks(textBlocksOfJson((await currentDocumentJson(db, postMortem)) as { type: string }), names);
  const dismissed = new Set(await dismissedFlagKeys(db, postMortem));
  return flags.filter((flag) => !dismissed.has(flag.key));
}

/** Keeps a flagged phrase on purpose, with the reason on record (e.g. a quote from a log). */
export async function dismissFlag({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof dismissFlagInput> }) {
  const { postMortem, canEdit } = await loadVisiblePostMortem(ctx.db, ctx.actor, input.postMortemId);
  if (!canEdit) throw forbidden("Only people who can edit this post-mortem can dismiss its flags.");
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(postMortemFlagDismissals)
      .values({ postMortemId: postMortem.id, revision: postMortem.revision, flagKey: input.flagKey, reason: input.reason, dismissedById: ctx.actor.id })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw conflict("That flag is already dismissed.");
    await recordAudit(tx, { actorId: ctx.actor.id, action: "post_mortem.flag_dismissed", entityType: "post_mortem", entityId: postMortem.id, after: input, requestId: ctx.requestId });
  });
}
