import { and, asc, eq, inArray, or, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { actionItems, incidents, teams, users } from "@/db/schema";
import { trackerLabel } from "@/lib/action-items";
import { canWrite, type ServiceContext } from "@/server/context";
import { invalid } from "@/server/errors";
import { reference, visibleTo } from "@/server/incidents/access";
import type { ActionItemOutput, listActionItemsInput } from "./schemas";

/** My action items (by due date), or those of one incident or post-mortem; private incidents' items stay hidden. */
export async function listActionItems({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof listActionItemsInput> }): Promise<ActionItemOutput[]> {
  const now = ctx.now?.() ?? new Date();
  const filters: SQL[] = [];
  if (input.scope === "mine") filters.push(eq(actionItems.ownerId, ctx.actor.id));
  else if (input.scope === "incident" && input.incidentId) filters.push(eq(actionItems.incidentId, input.incidentId));
  else if (input.scope === "post_mortem" && input.postMortemId) filters.push(eq(actionItems.postMortemId, input.postMortemId));
  else throw invalid("Say which incident or post-mortem to list action items for.", "scope");
  if (!input.includeClosed) filters.push(inArray(actionItems.status, ["open", "in_progress"]));
  const visibility = visibleTo(ctx.actor);
  if (visibility) filters.push(or(isNull(actionItems.incidentId), visibility)!);

  const doneBy = alias(users, "done_by");
  const rows = await ctx.db
    .select({ item: actionItems, ownerName: users.name, teamName: teams.name, incidentNumber: incidents.number, doneByName: doneBy.name })
    .from(actionItems)
    .innerJoin(users, eq(users.id, actionItems.ownerId))
    .leftJoin(teams, eq(teams.id, actionItems.teamId))
    .leftJoin(incidents, eq(incidents.id, actionItems.incidentId))
    .leftJoin(doneBy, eq(doneBy.id, actionItems.doneById))
    .where(and(...filters))
    .orderBy(asc(actionItems.dueAt), asc(actionItems.createdAt))
    .limit(500);

  return rows.map(({ item, ownerName, teamName, incidentNumber, doneByName }) => ({
    id: item.id,
    title: item.title,
    description: item.description,
    owner: { id: item.ownerId, name: ownerName },
    team: item.teamId && teamName ? { id: item.teamId, name: teamName } : null,
    incident: item.incidentId && incidentNumber !== null ? { id: item.incidentId, reference: reference({ number: incidentNumber }) } : null,
    postMortemId: item.postMortemId,
    dueAt: item.dueAt,
    priority: item.priority,
    kind: item.kind,
    status: item.status,
    wontDoReason: item.wontDoReason,
    doneAt: item.doneAt,
    doneBy: doneByName,
    tracker: item.trackerUrl ? { url: item.trackerUrl, label: trackerLabel(item.trackerUrl) } : null,
    isOverdue: (item.status === "open" || item.status === "in_progress") && item.dueAt < now,
    canEdit: canWrite(ctx.actor) || item.ownerId === ctx.actor.id,
  }));
}
