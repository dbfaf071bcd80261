import { and, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { actionItems, incidentParticipants, users, type ActionItem } from "@/db/schema";
import { actionItemStatusLabels } from "@/lib/action-items";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, invalid, notFound } from "@/server/errors";
import { visibleThrough } from "@/server/incidents/access";
import { ofActorTeam } from "./read-model";
import { mutateIncident } from "@/server/incidents/mutate";
import type { updateActionItemsInput } from "./schemas";

type Input = z.infer<typeof updateActionItemsInput>;

/**
 * A lead's bulk change of owner, due date or status. All or nothing: one transaction, each
 * incident's timeline written under its own row lock (a savepoint), incidents locked in id order
 * so two bulk edits cannot deadlock.
 */
export async function updateActionItems({ ctx, input }: { ctx: ServiceContext; input: Input }): Promise<{ updated: number }> {
  const ids = [...new Set(input.actionItemIds)];
  await ctx.db.transaction(async (tx) => {
    // Hidden items (of private incidents the actor cannot see) read as missing: same query, same answer.
    const items = await tx
      .select()
      .from(actionItems)
      .where(and(inArray(actionItems.id, ids), visibleThrough(ctx.actor, actionItems.incidentId), ofActorTeam(ctx.actor)))
      .orderBy(actionItems.incidentId, actionItems.id)
      .for("update");
    if (items.length !== ids.length) throw notFound("One of those action items");
    for (const item of items) {
      if (!can(ctx.actor, "action_item.edit", item)) throw forbidden("Only owners and responders can change action items.");
    }
    const owner = input.ownerId ? await activeUser(tx, input.ownerId) : null;
    if (owner) await assertMayHandOver(tx, ctx, items, owner);
    const now = ctx.now?.() ?? new Date();
    for (const item of items) await applyOne({ ...ctx, db: tx }, tx, item, input, owner, now);
  });
  return { updated: ids.length };
}

/**
 * A new owner of work on an incident becomes one of its participants, which opens a private incident
 * to them. So handing an item to someone not yet on its incident takes the right `addParticipant`
 * needs (incident.write); an owner without it (a viewer) may still hand it to someone already on it.
 */
async function assertMayHandOver(tx: Tx, ctx: ServiceContext, items: ActionItem[], owner: { id: string; name: string }) {
  if (can(ctx.actor, "incident.write")) return;
  const incidentIds = [...new Set(items.map((item) => item.incidentId).filter((id): id is string => id !== null))];
  if (incidentIds.length === 0) return;
  const joined = await tx
    .select({ incidentId: incidentParticipants.incidentId })
    .from(incidentParticipants)
    .where(and(eq(incidentParticipants.userId, owner.id), inArray(incidentParticipants.incidentId, incidentIds)));
  if (joined.length < incidentIds.length) {
    throw forbidden(`${owner.name} does not take part in this incident, and viewers cannot add people to incidents. Choose someone already on it, or ask a responder.`);
  }
}

async function activeUser(tx: Tx, userId: string) {
  const [user] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  if (!user) throw invalid("The new owner must be an active user.", "ownerId");
  return user;
}

async function applyOne(ctx: ServiceContext, tx: Tx, item: ActionItem, input: Input, owner: { id: string; name: string } | null, now: Date) {
  const status = input.status ?? item.status;
  const closing = input.status && input.status !== item.status;
  const set: Partial<ActionItem> = {
    ...(owner ? { ownerId: owner.id } : {}),
    ...(input.dueAt ? { dueAt: input.dueAt } : {}),
    ...(closing
      ? {
          status,
          wontDoReason: status === "wont_do" ? (input.reason ?? null) : null,
          doneAt: status === "done" ? now : null,
          doneById: status === "done" ? ctx.actor.id : null,
        }
      : {}),
    updatedAt: now,
  };
  const before = { ownerId: item.ownerId, dueAt: item.dueAt.toISOString(), status: item.status };
  const after = { ownerId: set.ownerId ?? item.ownerId, dueAt: (set.dueAt ?? item.dueAt).toISOString(), status, reason: input.reason ?? null };
  const write = () => tx.update(actionItems).set(set).where(eq(actionItems.id, item.id));
  if (!item.incidentId) {
    await write();
    await recordAudit(tx, { actorId: ctx.actor.id, action: "action_item.updated", entityType: "action_item", entityId: item.id, before, after, requestId: ctx.requestId });
    return;
  }
  const incidentId = item.incidentId;
  await mutateIncident(ctx, { incidentId, expectedVersion: null, mayWrite: true }, async (innerTx) => {
    await write();
    // A new owner of work on a (private) incident becomes part of it.
    if (owner) await innerTx.insert(incidentParticipants).values({ incidentId, userId: owner.id, addedById: ctx.actor.id }).onConflictDoNothing();
    return {
      changesState: false,
      events: [
        {
          kind: "action_item.updated",
          data: {
            actionItemId: item.id,
            title: item.title,
            owner: owner?.name ?? null,
            dueAt: input.dueAt?.toISOString() ?? null,
            status: closing ? actionItemStatusLabels[status] : null,
            reason: input.reason ?? null,
          },
        },
      ],
      audit: { action: "action_item.updated", before: { actionItemId: item.id, ...before }, after },
    };
  });
}
