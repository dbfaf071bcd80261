import { eq, inArray, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { actionItems } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { invalid } from "@/server/errors";
import { activeStatuses } from "@/lib/action-items";
import { filterConditions, selectActionItems } from "./read-model";
import type { ActionItemOutput, listActionItemsInput } from "./schemas";

/** My action items, those of one incident or post-mortem, or all of them filtered (the leads' table). */
export async function listActionItems({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof listActionItemsInput> }): Promise<ActionItemOutput[]> {
  const now = ctx.now?.() ?? new Date();
  const where: SQL[] = [];
  if (input.scope === "mine") where.push(eq(actionItems.ownerId, ctx.actor.id));
  else if (input.scope === "incident" && input.incidentId) where.push(eq(actionItems.incidentId, input.incidentId));
  else if (input.scope === "post_mortem" && input.postMortemId) where.push(eq(actionItems.postMortemId, input.postMortemId));
  else if (input.scope === "all") where.push(...filterConditions(input, now));
  else throw invalid("Say which incident or post-mortem to list action items for.", "scope");
  if (!input.includeClosed) where.push(inArray(actionItems.status, activeStatuses));
  return selectActionItems(ctx.db, ctx.actor, where, now);
}
