import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { actionItems, incidentParticipants, incidents, runbooks, severities, teamMembers, users, workspace } from "@/db/schema";
import { defaultDueDays } from "@/lib/action-items";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, invalid } from "@/server/errors";
import { loadVisibleIncident } from "@/server/incidents/access";
import { mutateIncident } from "@/server/incidents/mutate";
import { loadVisiblePostMortem } from "@/server/post-mortems/access";
import type { createActionItemInput } from "./schemas";

type Input = z.infer<typeof createActionItemInput>;
const DAY_MS = 86_400_000;

/** Creates an owned follow-up: on its own, from an incident, or from a post-mortem (then linked to both). */
export async function createActionItem({ ctx, input }: { ctx: ServiceContext; input: Input }) {
  if (!can(ctx.actor, "action_item.create")) throw forbidden("Viewers cannot create action items.");
  let incidentId = input.incidentId ?? null;
  if (input.postMortemId) {
    // Through the visibility rule: a post-mortem of a private incident one cannot see is as missing as no post-mortem.
    const { postMortem } = await loadVisiblePostMortem(ctx.db, ctx.actor, input.postMortemId);
    if (incidentId && incidentId !== postMortem.incidentId) throw invalid("The post-mortem belongs to another incident.", "incidentId");
    incidentId = postMortem.incidentId;
  }
  if (!incidentId) {
    // A team-restricted token files follow-ups of no incident for its own team only.
    if (ctx.actor.teamId && input.teamId !== ctx.actor.teamId) throw invalid("This token is restricted to one team: give that team as the action item's team.", "teamId");
    return ctx.db.transaction((tx) => insertItem(tx, ctx, input, null));
  }
  await loadVisibleIncident(ctx.db, ctx.actor, incidentId);
  let created = "";
  await mutateIncident(ctx, { incidentId, expectedVersion: null }, async (tx) => {
    const item = await insertItem(tx, ctx, input, incidentId);
    created = item.id;
    // Owning work on a (private) incident makes you part of it.
    await tx
      .insert(incidentParticipants)
      .values({ incidentId: item.incidentId ?? incidentId, userId: item.ownerId, addedById: ctx.actor.id })
      .onConflictDoNothing();
    return {
      changesState: false,
      events: [{ kind: "action_item.created", data: { actionItemId: item.id, title: item.title, owner: item.ownerName, dueAt: item.dueAt.toISOString() } }],
      audit: { action: "action_item.created", after: { actionItemId: item.id } },
    };
  });
  return { id: created };
}

async function insertItem(tx: Tx, ctx: ServiceContext, input: Input, incidentId: string | null) {
  const now = ctx.now?.() ?? new Date();
  const [owner] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, input.ownerId), isNull(users.deactivatedAt)));
  if (!owner) throw invalid("The owner must be an active user.", "ownerId");
  if (input.dueAt && input.dueAt.getTime() < now.getTime() - DAY_MS) throw invalid("The due date is in the past.", "dueAt");
  if (input.runbookId) {
    const [runbook] = await tx
      .select({ id: runbooks.id })
      .from(runbooks)
      .where(and(eq(runbooks.id, input.runbookId), isNull(runbooks.archivedAt)));
    if (!runbook) throw invalid("That runbook does not exist any more.", "runbookId");
  }
  const [membership] = input.teamId ? [{ teamId: input.teamId }] : await tx.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, owner.id)).limit(1);
  const [item] = await tx
    .insert(actionItems)
    .values({
      title: input.title,
      description: input.description,
      ownerId: owner.id,
      teamId: membership?.teamId ?? null,
      incidentId,
      postMortemId: input.postMortemId ?? null,
      dueAt: input.dueAt ?? new Date(now.getTime() + (await dueDays(tx, incidentId)) * DAY_MS),
      priority: input.priority,
      kind: input.kind,
      trackerUrl: input.trackerUrl ?? null,
      runbookId: input.runbookId ?? null,
      createdById: ctx.actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!item) throw new Error("insert returned no row");
  if (!incidentId)
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "action_item.created",
      entityType: "action_item",
      entityId: item.id,
      after: { title: item.title, ownerId: owner.id },
      requestId: ctx.requestId,
    });
  return { ...item, ownerName: owner.name };
}

/** Days until due from the incident's severity (admin setting), 30 without an incident. */
async function dueDays(tx: Tx, incidentId: string | null): Promise<number> {
  if (!incidentId) return 30;
  const [row] = await tx
    .select({ rank: severities.rank, setting: workspace.dueDaysBySeverity })
    .from(incidents)
    .innerJoin(severities, eq(severities.id, incidents.severityId))
    .innerJoin(workspace, eq(workspace.id, 1))
    .where(eq(incidents.id, incidentId));
  const key = String(row?.rank ?? 3);
  return row?.setting[key] ?? defaultDueDays[key] ?? 30;
}
