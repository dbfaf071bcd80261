// Rows the reminder rules read, inserted directly: the rules care about dates and ownership, not how
// an item was created (server/action-items tests cover that).
import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { actionItems, runbooks, teamMembers, teams } from "@/db/schema";
import type { Actor } from "@/server/context";

export async function createTeam(db: DbOrTx, lead: Actor, members: Actor[] = []): Promise<string> {
  const [team] = await db
    .insert(teams)
    .values({ name: `Team ${randomUUID().slice(0, 8)}` })
    .returning();
  await db.insert(teamMembers).values([{ teamId: team!.id, userId: lead.id, isLead: true }, ...members.map((member) => ({ teamId: team!.id, userId: member.id }))]);
  return team!.id;
}

type ItemFields = { owner: Actor; dueAt: Date; title?: string; teamId?: string; incidentId?: string; status?: "open" | "in_progress" | "done" | "wont_do" };

export async function createItem(db: DbOrTx, fields: ItemFields): Promise<string> {
  const status = fields.status ?? "open";
  const [item] = await db
    .insert(actionItems)
    .values({
      title: fields.title ?? `Item ${randomUUID().slice(0, 8)}`,
      ownerId: fields.owner.id,
      teamId: fields.teamId ?? null,
      incidentId: fields.incidentId ?? null,
      dueAt: fields.dueAt,
      status,
      doneAt: status === "done" ? fields.dueAt : null,
      wontDoReason: status === "wont_do" ? "Superseded" : null,
      createdById: fields.owner.id,
    })
    .returning({ id: actionItems.id });
  return item!.id;
}

export async function createRunbook(
  db: DbOrTx,
  fields: { author: Actor; teamId: string | null; createdAt: Date; lastReviewedAt?: Date; reviewIntervalDays?: number; title?: string },
): Promise<string> {
  const [runbook] = await db
    .insert(runbooks)
    .values({
      title: fields.title ?? `Runbook ${randomUUID().slice(0, 8)}`,
      body: { type: "doc", content: [] },
      ownerTeamId: fields.teamId,
      reviewIntervalDays: fields.reviewIntervalDays ?? 90,
      lastReviewedAt: fields.lastReviewedAt ?? null,
      createdById: fields.author.id,
      createdAt: fields.createdAt,
    })
    .returning({ id: runbooks.id });
  return runbook!.id;
}

/** Closes every open item, so the next test starts from a quiet workspace. */
export async function closeAllItems(db: DbOrTx): Promise<void> {
  await db
    .update(actionItems)
    .set({ status: "done", doneAt: new Date() })
    .where(inArray(actionItems.status, ["open", "in_progress"]));
}

export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;
export const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);
