import { and, asc, eq, inArray, isNotNull, isNull, lt, gte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { actionItems, incidents, teams, users } from "@/db/schema";
import { activeStatuses, isActive, trackerLabel } from "@/lib/action-items";
import { can } from "@/server/auth/can";
import type { Actor } from "@/server/context";
import { reference, visibleTo } from "@/server/incidents/access";
import type { ActionItemFilters, ActionItemOutput } from "./schemas";

const DAY_MS = 86_400_000;
export const DUE_SOON_DAYS = 7;

/** Items of private incidents stay hidden like their incident; needs `incidents` joined. */
export function visibleItems(actor: Actor): SQL | undefined {
  const visibility = visibleTo(actor);
  return and(visibility ? or(isNull(actionItems.incidentId), visibility) : undefined, ofActorTeam(actor));
}

/**
 * An API token restricted to a team sees the items of its team's incidents (through the incident
 * rule) and, of the items of no incident, only its team's. People have no such restriction.
 */
export function ofActorTeam(actor: Actor): SQL | undefined {
  return actor.teamId ? or(isNotNull(actionItems.incidentId), eq(actionItems.teamId, actor.teamId)) : undefined;
}

/** The dashboard's filters (all kept in the URL) as SQL conditions on action_items. */
export function filterConditions(filters: ActionItemFilters, now: Date): SQL[] {
  const conditions: SQL[] = [];
  if (filters.ownerId) conditions.push(eq(actionItems.ownerId, filters.ownerId));
  if (filters.teamId) conditions.push(eq(actionItems.teamId, filters.teamId));
  if (filters.kind) conditions.push(eq(actionItems.kind, filters.kind));
  if (filters.priority) conditions.push(eq(actionItems.priority, filters.priority));
  if (filters.status === "active") conditions.push(inArray(actionItems.status, activeStatuses));
  else if (filters.status) conditions.push(eq(actionItems.status, filters.status));
  if (filters.due === "overdue") conditions.push(inArray(actionItems.status, activeStatuses), lt(actionItems.dueAt, now));
  if (filters.due === "due_soon") {
    conditions.push(inArray(actionItems.status, activeStatuses), gte(actionItems.dueAt, now), lt(actionItems.dueAt, new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS)));
  }
  return conditions;
}

/**
 * One query for every action item view: owner, team, incident and who closed it. Open work first,
 * soonest due first; done and won't-do items after it (they used to lead, being due earliest).
 */
export async function selectActionItems(db: DbOrTx, actor: Actor, where: SQL[], now: Date, limit = 500): Promise<ActionItemOutput[]> {
  const doneBy = alias(users, "done_by");
  const rows = await db
    .select({ item: actionItems, ownerName: users.name, teamName: teams.name, incidentNumber: incidents.number, doneByName: doneBy.name })
    .from(actionItems)
    .innerJoin(users, eq(users.id, actionItems.ownerId))
    .leftJoin(teams, eq(teams.id, actionItems.teamId))
    .leftJoin(incidents, eq(incidents.id, actionItems.incidentId))
    .leftJoin(doneBy, eq(doneBy.id, actionItems.doneById))
    .where(and(...where, visibleItems(actor)))
    .orderBy(asc(sql`case when ${inArray(actionItems.status, activeStatuses)} then 0 else 1 end`), asc(actionItems.dueAt), asc(actionItems.createdAt))
    .limit(limit);

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
    createdAt: item.createdAt,
    isOverdue: isActive(item.status) && item.dueAt < now,
    canEdit: can(actor, "action_item.edit", item),
  }));
}
