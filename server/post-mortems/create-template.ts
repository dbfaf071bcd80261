import type { z } from "zod";
import { postMortemTemplates } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import type { createTemplateInput } from "./schemas";
import { assertTemplateNameFree } from "./template-name";

/** A new post-mortem template; it becomes the default only when an admin says so. */
export async function createTemplate({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof createTemplateInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can manage post-mortem templates.");
  return ctx.db.transaction(async (tx) => {
    await assertTemplateNameFree(tx, input.name);
    const [created] = await tx.insert(postMortemTemplates).values({ name: input.name, sections: input.sections }).returning();
    if (!created) throw new Error("insert returned no row");
    await recordAudit(tx, { actorId: ctx.actor.id, action: "post_mortem_template.created", entityType: "post_mortem_template", entityId: created.id, after: input, requestId: ctx.requestId });
    return { id: created.id, name: created.name, sections: created.sections, isDefault: created.isDefault };
  });
}
