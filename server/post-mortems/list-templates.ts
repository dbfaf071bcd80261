import { asc, desc } from "drizzle-orm";
import { postMortemTemplates } from "@/db/schema";
import type { ServiceContext } from "@/server/context";

/** Every template, the default first: for the admin page and for choosing one when starting. */
export async function listTemplates({ ctx }: { ctx: ServiceContext }) {
  return ctx.db
    .select({ id: postMortemTemplates.id, name: postMortemTemplates.name, sections: postMortemTemplates.sections, isDefault: postMortemTemplates.isDefault })
    .from(postMortemTemplates)
    .orderBy(desc(postMortemTemplates.isDefault), asc(postMortemTemplates.name), asc(postMortemTemplates.createdAt));
}
