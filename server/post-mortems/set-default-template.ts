import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { postMortemTemplates } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, notFound } from "@/server/errors";
import type { templateIdInput } from "./schemas";

/** Makes one template the one new post-mortems start from when nobody picks another. */
export async function setDefaultTemplate({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof templateIdInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can manage post-mortem templates.");
  await ctx.db.transaction(async (tx) => {
    const [target] = await tx.select({ id: postMortemTemplates.id }).from(postMortemTemplates).where(eq(postMortemTemplates.id, input.templateId)).for("update");
    if (!target) throw notFound("That template");
    const [previous] = await tx.select({ id: postMortemTemplates.id }).from(postMortemTemplates).where(eq(postMortemTemplates.isDefault, true)).limit(1);
    // Deliberately every row, in one statement: a concurrent change waits on the row locks and then
    // applies its own choice to all rows, so there is never more or less than one default. (A filter
    // such as "is_default or id = …" would let two concurrent choices both survive.)
    await tx
      .update(postMortemTemplates)
      .set({ isDefault: sql`${postMortemTemplates.id} = ${target.id}` })
      .where(sql`true`);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "post_mortem_template.default_set",
      entityType: "post_mortem_template",
      entityId: target.id,
      before: { defaultTemplateId: previous?.id ?? null },
      after: { defaultTemplateId: target.id },
      requestId: ctx.requestId,
    });
  });
}
