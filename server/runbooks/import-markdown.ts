import type { z } from "zod";
import { importMarkdown as parseMarkdown } from "@/lib/runbooks/markdown";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { insertRunbook } from "./save";
import type { importMarkdownInput } from "./schemas";

/** A runbook from a wiki page: the first # heading is its title, task items its steps. */
export async function importMarkdownRunbook({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof importMarkdownInput> }) {
  if (!can(ctx.actor, "runbook.write")) throw forbidden("Viewers can read runbooks but not import them.");
  const { title, summary, body } = parseMarkdown(input.markdown);
  const fields = {
    title: title.slice(0, 200),
    summary: summary.slice(0, 2000),
    body,
    ownerTeamId: input.ownerTeamId ?? null,
    serviceIds: input.serviceIds ?? [],
    incidentKinds: [],
    severityIds: [],
    alertMatchers: [],
    reviewIntervalDays: 90,
  };
  const { id } = await ctx.db.transaction((tx) => insertRunbook(tx, ctx, fields, "Imported from Markdown"));
  return { id };
}
