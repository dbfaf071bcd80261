import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { runbookRevisions, users } from "@/db/schema";
import { extractSteps } from "@/lib/runbooks/steps";
import type { ServiceContext } from "@/server/context";
import { notFound } from "@/server/errors";
import { loadRunbook } from "./load";
import type { revisionInput, runbookIdInput } from "./schemas";

const columns = {
  number: runbookRevisions.number,
  title: runbookRevisions.title,
  note: runbookRevisions.note,
  createdAt: runbookRevisions.createdAt,
  restoredFrom: runbookRevisions.restoredFrom,
  authorId: users.id,
  authorName: users.name,
};

const shape = <T extends { authorId: string; authorName: string }>({ authorId, authorName, ...rest }: T) => ({ ...rest, author: { id: authorId, name: authorName } });

/** The history, newest first. */
export async function listRevisions({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof runbookIdInput> }) {
  const runbook = await loadRunbook(ctx.db, input.id);
  const rows = await ctx.db
    .select(columns)
    .from(runbookRevisions)
    .innerJoin(users, eq(users.id, runbookRevisions.authorId))
    .where(eq(runbookRevisions.runbookId, runbook.id))
    .orderBy(desc(runbookRevisions.number));
  return rows.map(shape);
}

/** One revision as it was saved (title, summary, body), for viewing or restoring. */
export async function getRevision({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof revisionInput> }) {
  const runbook = await loadRunbook(ctx.db, input.id);
  const [row] = await ctx.db
    .select({ ...columns, summary: runbookRevisions.summary, body: runbookRevisions.body })
    .from(runbookRevisions)
    .innerJoin(users, eq(users.id, runbookRevisions.authorId))
    .where(and(eq(runbookRevisions.runbookId, runbook.id), eq(runbookRevisions.number, input.number)));
  if (!row) throw notFound(`Revision ${input.number}`);
  return { ...shape(row), steps: extractSteps(row.body) };
}
