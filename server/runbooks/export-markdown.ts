import type { z } from "zod";
import { exportMarkdown, markdownFilename } from "@/lib/runbooks/markdown";
import type { ServiceContext } from "@/server/context";
import { loadRunbook } from "./load";
import type { runbookIdInput } from "./schemas";

/** The current revision as Markdown (steps as `- [ ]` task items), to take back to a wiki. */
export async function exportRunbookMarkdown({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof runbookIdInput> }) {
  const runbook = await loadRunbook(ctx.db, input.id);
  return { filename: markdownFilename(runbook.title), markdown: exportMarkdown(runbook) };
}
