import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionItems, auditLog } from "@/db/schema";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { getTimeline } from "@/server/incidents/timeline";
import { contextFor, createActor } from "@/test/actors";
import { callProcedure } from "@/test/trpc-call";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createActionItem } from "./create";
import { updateActionItems } from "./update-many";

const now = new Date("2026-11-23T12:00:00Z");
let database: TestDatabase;
let lead: Actor;
let owner: Actor;
let newOwner: Actor;
let viewer: Actor;
let outsider: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  lead = await createActor(database.db, "responder", "Lee Bulk");
  owner = await createActor(database.db, "responder", "Oona Owner");
  newOwner = await createActor(database.db, "viewer", "Nia New");
  viewer = await createActor(database.db, "viewer", "Vic Bulk");
  outsider = await createActor(database.db, "responder", "Oscar Outsider");
});
afterAll(() => database.close());

const as = (actor: Actor) => ({ ...contextFor(database.db, actor), now: () => now });
const newItem = (incidentId?: string, ownerId = owner.id) =>
  createActionItem({ ctx: as(lead), input: { title: "Bulk follow-up", description: "", ownerId, incidentId, priority: "medium", kind: "prevent" } }).then((r) => r.id);
const declare = (isPrivate = false) => declareIncident({ ctx: as(lead), input: { title: "Bulk", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate } });

describe("bulk changes to action items", () => {
  it("reassign and re-date many items at once, on each incident's timeline and in the audit log", async () => {
    const incident = await declare();
    const ids = [await newItem(incident.id), await newItem(incident.id), await newItem()];
    const dueAt = new Date("2027-01-15T00:00:00Z");
    await expect(updateActionItems({ ctx: as(lead), input: { actionItemIds: ids, ownerId: newOwner.id, dueAt } })).resolves.toEqual({ updated: 3 });
    const rows = await database.db.select().from(actionItems).where(inArray(actionItems.id, ids));
    expect(rows.map((row) => [row.ownerId, row.dueAt.toISOString()])).toEqual(ids.map(() => [newOwner.id, dueAt.toISOString()]));
    const events = await getTimeline({ ctx: as(lead), input: { incidentId: incident.id, kinds: ["action_item.updated"] } });
    expect(events).toHaveLength(2);
    expect(events[0]?.data).toMatchObject({ owner: "Nia New", dueAt: dueAt.toISOString() });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, ids[2]!));
    expect(audit.map((row) => row.action)).toContain("action_item.updated");
  });

  it("closes many as done (who and when) or won't do (with a reason)", async () => {
    const ids = [await newItem(), await newItem()];
    await updateActionItems({ ctx: as(lead), input: { actionItemIds: ids, status: "done" } });
    const rows = await database.db.select().from(actionItems).where(inArray(actionItems.id, ids));
    expect(rows.every((row) => row.status === "done" && row.doneById === lead.id && row.doneAt?.getTime() === now.getTime())).toBe(true);
    const result = await callProcedure(database.db, lead, "actionItems.update", { actionItemIds: ids, status: "wont_do" }, "mutation");
    expect(result.status).toBe(400);
    expect(result.error?.message).toContain("Say why these will not be done");
  });

  it("is all or nothing: one item the actor may not change leaves every item untouched", async () => {
    const secret = await declare(true);
    const hidden = await newItem(secret.id);
    const visible = await newItem();
    await expect(updateActionItems({ ctx: as(outsider), input: { actionItemIds: [visible, hidden], status: "in_progress" } })).rejects.toMatchObject({ kind: "not_found" });
    const notMine = await newItem();
    const mine = await newItem(undefined, viewer.id);
    await expect(updateActionItems({ ctx: as(viewer), input: { actionItemIds: [mine, notMine], status: "done" } })).rejects.toMatchObject({ kind: "forbidden" });
    const rows = await database.db
      .select()
      .from(actionItems)
      .where(inArray(actionItems.id, [hidden, visible, notMine, mine]));
    expect(rows.map((row) => row.status)).toEqual(["open", "open", "open", "open"]);
    // An owner who is a viewer may still bulk-change their own items.
    await updateActionItems({ ctx: as(viewer), input: { actionItemIds: [mine], status: "in_progress" } });
  });

  it("refuses an empty change and a deactivated owner with a message", async () => {
    const id = await newItem();
    const empty = await callProcedure(database.db, lead, "actionItems.update", { actionItemIds: [id] }, "mutation");
    expect(empty.error?.message).toContain("Choose a new owner, due date or status");
    const missing = await callProcedure(database.db, lead, "actionItems.update", { actionItemIds: [id], ownerId: "00000000-0000-4000-8000-000000000000" }, "mutation");
    expect(missing.error?.message).toContain("The new owner must be an active user");
  });
});
