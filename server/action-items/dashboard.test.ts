import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamMembers, teams, type ActionItem } from "@/db/schema";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createActionItem } from "./create";
import { actionItemDashboard, postMortemShare, startOfWeek } from "./dashboard";
import { setActionItemStatus } from "./set-status";

const DAY = 86_400_000;
const now = new Date("2026-11-25T12:00:00Z"); // a Wednesday
const at = (days: number) => new Date(now.getTime() + days * DAY);

let database: TestDatabase;
let lead: Actor;
let ada: Actor;
let ben: Actor;
let outsider: Actor;
let teamId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  lead = await createActor(database.db, "responder", "Lena Lead");
  ada = await createActor(database.db, "responder", "Ada Owner");
  ben = await createActor(database.db, "responder", "Ben Owner");
  outsider = await createActor(database.db, "responder", "Ola Outsider");
  const [team] = await database.db
    .insert(teams)
    .values({ name: `Storage ${Date.now()}` })
    .returning();
  teamId = team!.id;
  await database.db.insert(teamMembers).values({ teamId, userId: ada.id });
});
afterAll(() => database.close());

const as = (actor: Actor, when = now) => ({ ...contextFor(database.db, actor), now: () => when });
async function item(owner: Actor, createdDaysAgo: number, dueInDays: number, extra: { kind?: ActionItem["kind"]; incidentId?: string } = {}) {
  const created = at(-createdDaysAgo);
  const input = { title: `Item due ${dueInDays}`, description: "", ownerId: owner.id, dueAt: at(dueInDays), priority: "medium" as const, kind: extra.kind ?? "prevent", incidentId: extra.incidentId };
  return (await createActionItem({ ctx: as(lead, created), input })).id;
}

describe("the leads' dashboard", () => {
  it("counts overdue, due soon and open by owner, team and kind; buckets open items by age; hides private incidents' items", async () => {
    await item(ada, 40, -3, { kind: "detect" }); // overdue, 40 days old
    await item(ada, 10, 2); // due soon, 10 days old
    await item(ben, 2, 30, { kind: "process" }); // open, not soon, 2 days old
    const done = await item(ben, 100, 20);
    await setActionItemStatus({ ctx: as(ben, at(-1)), input: { actionItemId: done, status: "done" } });
    const secret = await declareIncident({ ctx: as(lead), input: { title: "Leaked key", severityId: 1, kind: "incident", summary: "", serviceIds: [], isPrivate: true } });
    await item(ben, 1, -1, { incidentId: secret.id }); // overdue but private

    const seenByOutsider = await actionItemDashboard({ ctx: as(outsider), input: { weeks: 12 } });
    expect(seenByOutsider.totals).toEqual({ open: 3, overdue: 1, dueSoon: 1, closedInWindow: 1 });
    expect(seenByOutsider.byOwner.map((row) => [row.label, row.open, row.overdue, row.dueSoon])).toEqual([
      ["Ada Owner", 2, 1, 1],
      ["Ben Owner", 1, 0, 0],
    ]);
    expect(seenByOutsider.byTeam.find((row) => row.key === teamId)).toMatchObject({ open: 2, overdue: 1 });
    expect(seenByOutsider.byTeam.find((row) => row.key === "none")).toMatchObject({ label: "No team", open: 1 });
    expect(seenByOutsider.byKind.map((row) => row.key).sort()).toEqual(["detect", "prevent", "process"]);
    expect(seenByOutsider.ageing.map((bucket) => bucket.count)).toEqual([1, 1, 1, 0]);

    const seenByLead = await actionItemDashboard({ ctx: as(lead), input: { weeks: 12 } });
    expect(seenByLead.totals.overdue).toBe(2);
    const adaOnly = await actionItemDashboard({ ctx: as(lead), input: { weeks: 12, ownerId: ada.id } });
    expect(adaOnly.totals).toMatchObject({ open: 2, overdue: 1, dueSoon: 1 });
  });

  it("charts items created and closed per calendar week", async () => {
    const dashboard = await actionItemDashboard({ ctx: as(lead), input: { weeks: 4 } });
    expect(dashboard.completion).toHaveLength(4);
    expect(dashboard.completion.at(-1)?.weekStart).toEqual(startOfWeek(now));
    // This week: the private item (1 day ago) and Ben's 2-day-old one were created; the done one closed yesterday.
    expect(dashboard.completion.at(-1)).toMatchObject({ created: 2, closed: 1 });
    expect(dashboard.completion.reduce((sum, week) => sum + week.created, 0)).toBe(3);
  });

  it("moving the clock turns due-soon items overdue", async () => {
    const later = await actionItemDashboard({ ctx: as(lead, at(5)), input: { weeks: 12 } });
    expect(later.totals.overdue).toBe(3);
    expect(later.totals.dueSoon).toBe(0);
  });
});

describe("the share of post-mortems whose items closed on time", () => {
  const base = { id: "x", dueAt: at(0), doneAt: null, updatedAt: at(-1), status: "open" } as unknown as ActionItem;
  const row = (postMortemId: string, patch: Partial<ActionItem>) => ({ postMortemId, item: { ...base, ...patch } });
  it("counts a post-mortem on time only when every item closed by its due date, and leaves undecided ones out", () => {
    const rows = [
      row("on-time", { status: "done", doneAt: at(-2) }),
      row("on-time", { status: "wont_do", updatedAt: at(-1) }),
      row("late", { status: "done", doneAt: at(1) }),
      row("late", { status: "done", doneAt: at(-1) }),
      row("overdue", { status: "open", dueAt: at(-1) }),
      row("pending", { status: "in_progress", dueAt: at(5) }),
    ];
    expect(postMortemShare(rows, at(2))).toEqual({ closedOnTime: 1, missed: 2, pending: 1, share: 1 / 3 });
    expect(postMortemShare([], now)).toEqual({ closedOnTime: 0, missed: 0, pending: 0, share: null });
  });
});

describe("CSV export", () => {
  it("has the filtered, visible items with a header row", async () => {
    const { actionItemsCsv } = await import("./export-csv");
    const csv = await actionItemsCsv(as(outsider), { due: "overdue" });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("Title,Owner,Team,Status,Priority,Kind,Due,Overdue,Incident,Tracker,Created,Closed,Won't do reason");
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 2))).toEqual([["Item due -3", "Ada Owner"]]);
    expect(lines[1]).toContain(",Open,medium,detect,2026-11-22,yes,");
  });
});
