import { and, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { postMortemTemplates } from "@/db/schema";
import { conflict } from "@/server/errors";

/** Commanders pick templates by name, so two must not share one (whatever the case). */
export async function assertTemplateNameFree(db: DbOrTx, name: string, exceptId?: string): Promise<void> {
  const sameName = sql`lower(${postMortemTemplates.name}) = ${name.toLowerCase()}`;
  const [existing] = await db
    .select({ id: postMortemTemplates.id })
    .from(postMortemTemplates)
    .where(exceptId ? and(sameName, ne(postMortemTemplates.id, exceptId)) : sameName)
    .limit(1);
  if (existing) throw conflict(`A template named "${name}" already exists. Choose another name.`);
}
