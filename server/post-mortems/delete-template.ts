import { eq } from "drizzle-orm";
import type { z } from "zod";
import { postMortemTemplates } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, invalid, notFound } from "@/server/errors";
import type { templateIdInput } from "./schemas";

/**
 * Deletes a template. Post-mortems started from it keep the sections they copied at their start
 * (their link to it becomes empty). The default cannot go: new post-mortems always need one.
 */
export async function deleteTemplate({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof templateIdInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can manage post-mortem templates.");
  await ctx.db.transaction(async (tx) => {
    // The row lock orders this against "make default" and against starts from this template.
    const [before] = await tx.select().from(postMortemTemplates).where(eq(postMortemTemplates.id, input.templateId)).for("update");
    if (!before) throw notFound("That template");
    if (before.isDefault) throw invalid(`“${before.name}” is the default template. Make another template the default first, then delete this one.`);
    await tx.delete(postMortemTemplates).where(eq(postMortemTemplates.id, before.id));
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "post_mortem_template.deleted",
      entityType: "post_mortem_template",
      entityId: before.id,
      before: { name: before.name, sections: before.sections },
      requestId: ctx.requestId,
    });
  });
}
