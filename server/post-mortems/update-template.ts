import { eq } from "drizzle-orm";
import type { z } from "zod";
import { postMortemTemplates } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, notFound } from "@/server/errors";
import type { updateTemplateInput } from "./schemas";
import { assertTemplateNameFree } from "./template-name";

/**
 * Renames a template and replaces its sections (added, edited, reordered, removed — the list as
 * given). Post-mortems already started keep the sections they copied at their start.
 */
export async function updateTemplate({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof updateTemplateInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can manage post-mortem templates.");
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(postMortemTemplates).where(eq(postMortemTemplates.id, input.templateId)).for("update");
    if (!before) throw notFound("That template");
    await assertTemplateNameFree(tx, input.name, before.id);
    const [after] = await tx.update(postMortemTemplates).set({ name: input.name, sections: input.sections }).where(eq(postMortemTemplates.id, before.id)).returning();
    if (!after) throw new Error("update returned no row");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "post_mortem_template.updated",
      entityType: "post_mortem_template",
      entityId: after.id,
      before: { name: before.name, sections: before.sections },
      after: { name: after.name, sections: after.sections },
      requestId: ctx.requestId,
    });
    return { id: after.id, name: after.name, sections: after.sections, isDefault: after.isDefault };
  });
}
