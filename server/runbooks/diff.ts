import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { runbookRevisions } from "@/db/schema";
import { diffRevisions } from "@/lib/runbooks/revision-diff";
import type { ServiceContext } from "@/server/context";
import { notFound } from "@/server/errors";
import { loadRunbook } from "./load";
import type { diffInput } from "./schemas";

/** What changed from one revision to another (either direction). */
export async function diffRunbookRevisions({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof diffInput> }) {
  const runbook = await loadRunbook(ctx.db, input.id);
  const rows = await ctx.db
    .select({ number: runbookRevisions.number, title: runbookRevisions.title, summary: runbookRevisions.summary, bodyText: runbookRevisions.bodyText })
    .from(runbookRevisions)
    .where(and(eq(runbookRevisions.runbookId, runbook.id), inArray(runbookRevisions.number, [input.from, input.to])));
  const from = rows.find((r) => r.number === input.from);
  const to = rows.find((r) => r.number === input.to);
  if (!from) throw notFound(`Revision ${input.from}`);
  if (!to) throw notFound(`Revision ${input.to}`);
  return { from: input.from, to: input.to, ...diffRevisions(from, to) };
}
