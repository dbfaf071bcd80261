import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionItems } from "@/db/schema";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { getTimeline } from "@/server/incidents/timeline";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createActionItem } from "./create";
import { listActionItems } from "./list";
import { setActionItemStatus } from "./set-status";

let database: TestDatabase;
let lead: Actor;
let owner: Actor;
let viewerOwner: Actor;
let outsider: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  lead = await createActor(database.db, "responder", "Lee Lead");
  owner = await createActor(database.db, "responder", "Olu Owner");
  viewerOwner = await createActor(database.db, "viewer", "Vee Owner");
  outsider = await createActor(database.db, "responder", "Otto Outsider");
});
afterAll(() => database.close());

const now = new Date("2026-11-23T12:00:00Z");
const as = (actor: Actor) => ({ ...contextFor(database.db, actor), now: () => now });
const declare = (severityId: number, isPrivate = false) =>
  declareIncident({ ctx: as(lead), input: { title: `Sev ${severityId}`, severityId, kind: "incident", summary: "", serviceIds: [], isPrivate } });

describe("action items", () => {
  it("default their due date from the incident's severity, are on the incident timeline, and show under My action items", async () => {
    for (const [severityId, days] of [
      [1, 14],
      [2, 30],
      [4, 90],
    ] as const) {
      const incident = await declare(severityId);
      const { id } = await createActionItem({ ctx: as(lead), input: { title: "Add a canary stage", description: "", ownerId: owner.id, incidentId: incident.id, priority: "high", kind: "prevent" } });
      const [row] = await database.db.select().from(actionItems).where(eq(actionItems.id, id));
      expect(row?.dueAt).toEqual(new Date(now.getTime() + days * 86_400_000));
      const events = await getTimeline({ ctx: as(lead), input: { incidentId: incident.id, kinds: ["action_item.created"] } });
      expect(events[0]?.data).toMatchObject({ actionItemId: id, owner: "Olu Owner" });
    }
    const mine = await listActionItems({ ctx: as(owner), input: { scope: "mine", includeClosed: true } });
    expect(mine.map((i) => i.dueAt.getTime())).toEqual([...mine.map((i) => i.dueAt.getTime())].sort((a, b) => a - b));
    expect(mine).toHaveLength(3);
  });

  it("list open items before done and won't-do ones, each group soonest due first", async () => {
    const person = await createActor(database.db, "responder", "Ora Order");
    const incident = await declare(3);
    const create = async (title: string, daysFromNow: number) =>
      (
        await createActionItem({
          ctx: as(lead),
          input: { title, description: "", ownerId: person.id, incidentId: incident.id, priority: "medium", kind: "prevent", dueAt: new Date(now.getTime() + daysFromNow * 86_400_000) },
        })
      ).id;
    const finished = await create("Finished first", 1);
    await create("Open later", 20);
    const dropped = await create("Dropped", 2);
    await create("Open sooner", 10);
    await setActionItemStatus({ ctx: as(person), input: { actionItemId: finished, status: "done" } });
    await setActionItemStatus({ ctx: as(person), input: { actionItemId: dropped, status: "wont_do", reason: "Superseded" } });
    const mine = await listActionItems({ ctx: as(person), input: { scope: "mine", includeClosed: true } });
    expect(mine.map((item) => item.title)).toEqual(["Open sooner", "Open later", "Finished first", "Dropped"]);
  });

  it("won't do needs a reason; done records who and when; both are on the timeline", async () => {
    const incident = await declare(3);
    const { id } = await createActionItem({
      ctx: as(lead),
      input: {
        title: "Alert on queue depth",
        description: "",
        ownerId: owner.id,
        incidentId: incident.id,
        priority: "medium",
        kind: "detect",
        trackerUrl: "https://acme.atlassian.net/browse/OPS-123",
      },
    });
    await expect(setActionItemStatus({ ctx: as(owner), input: { actionItemId: id, status: "wont_do" } })).rejects.toMatchObject({ kind: "invalid", field: "reason" });
    await setActionItemStatus({ ctx: as(owner), input: { actionItemId: id, status: "done" } });
    const [item] = await listActionItems({ ctx: as(owner), input: { scope: "incident", incidentId: incident.id, includeClosed: true } });
    expect(item).toMatchObject({ status: "done", doneBy: "Olu Owner", doneAt: now, tracker: { label: "OPS-123" } });
    const events = await getTimeline({ ctx: as(lead), input: { incidentId: incident.id, kinds: ["action_item.status_changed"] } });
    expect(events.map((e) => e.kind === "action_item.status_changed" && e.data.to)).toEqual(["done"]);
  });

  it("owners edit even as viewers; other viewers cannot; viewers cannot create", async () => {
    const incident = await declare(3);
    const { id } = await createActionItem({
      ctx: as(lead),
      input: { title: "Document the failover", description: "", ownerId: viewerOwner.id, incidentId: incident.id, priority: "low", kind: "process" },
    });
    await setActionItemStatus({ ctx: as(viewerOwner), input: { actionItemId: id, status: "in_progress" } });
    const otherViewer = await createActor(database.db, "viewer");
    await expect(setActionItemStatus({ ctx: as(otherViewer), input: { actionItemId: id, status: "done" } })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(createActionItem({ ctx: as(viewerOwner), input: { title: "Nope nope", description: "", ownerId: viewerOwner.id, priority: "low", kind: "process" } })).rejects.toMatchObject({
      kind: "forbidden",
    });
  });

  it("items of a private incident are hidden from outsiders, but not from their owner", async () => {
    const secret = await declare(1, true);
    const { id } = await createActionItem({ ctx: as(lead), input: { title: "Rotate the leaked key", description: "", ownerId: owner.id, incidentId: secret.id, priority: "high", kind: "mitigate" } });
    await expect(setActionItemStatus({ ctx: as(outsider), input: { actionItemId: id, status: "done" } })).rejects.toMatchObject({ kind: "not_found" });
    await expect(listActionItems({ ctx: as(outsider), input: { scope: "incident", incidentId: secret.id, includeClosed: true } })).resolves.toEqual([]);
    const mine = await listActionItems({ ctx: as(owner), input: { scope: "mine", includeClosed: true } });
    expect(mine.map((i) => i.title)).toContain("Rotate the leaked key");
  });

  it("an item turns overdue when the clock passes its due date", async () => {
    const { id } = await createActionItem({ ctx: as(lead), input: { title: "Standalone follow-up", description: "", ownerId: owner.id, priority: "medium", kind: "process" } });
    const later = { ...contextFor(database.db, owner), now: () => new Date(now.getTime() + 31 * 86_400_000) };
    const item = (await listActionItems({ ctx: later, input: { scope: "mine", includeClosed: true } })).find((i) => i.id === id);
    expect(item?.isOverdue).toBe(true);
    expect((await listActionItems({ ctx: as(owner), input: { scope: "mine", includeClosed: true } })).find((i) => i.id === id)?.isOverdue).toBe(false);
  });

  it("can target a runbook, which then lists the item; a missing runbook is refused by name", async () => {
    const { createRunbook } = await import("@/server/runbooks/create");
    const { getRunbook } = await import("@/server/runbooks/get");
    const runbook = await createRunbook({
      ctx: as(lead),
      input: {
        title: "Queue failover",
        summary: "",
        body: { type: "doc", content: [] },
        ownerTeamId: null,
        serviceIds: [],
        incidentKinds: [],
        severityIds: [],
        alertMatchers: [],
        reviewIntervalDays: 90,
        note: "",
      },
    });
    const incident = await declare(2);
    const { id } = await createActionItem({
      ctx: as(lead),
      input: { title: "Add the lag dashboard to the runbook", description: "", ownerId: owner.id, incidentId: incident.id, runbookId: runbook.id, priority: "medium", kind: "process" },
    });
    const detail = await getRunbook({ ctx: as(owner), input: { id: runbook.id } });
    expect(detail.targetingActionItems.map((item) => item.id)).toEqual([id]);
    expect(detail.freshness.reasons).toContain("1 open action item targets this runbook");
    await expect(
      createActionItem({ ctx: as(lead), input: { title: "Orphan", description: "", ownerId: owner.id, runbookId: "00000000-0000-4000-8000-000000000000", priority: "medium", kind: "process" } }),
    ).rejects.toMatchObject({ kind: "invalid", field: "runbookId" });
  });
});
