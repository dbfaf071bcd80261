import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, incidentEvents, incidents } from "@/db/schema";
import type { Actor } from "@/server/context";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase } from "@/test/database";
import { addNote } from "./add-note";
import { assignRole, releaseRole } from "./assign-role";
import { changeStatus } from "./change-status";
import { correctMilestone } from "./correct-milestone";
import { declareIncident } from "./declare";
import { getIncident } from "./get";
import { getTimeline } from "./timeline";
import { updateIncident } from "./update";

let database: Database;
let commander: Actor;
let other: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  commander = await createActor(database.db, "responder", "Cora Commander");
  other = await createActor(database.db, "responder", "Omar Ops");
});
afterAll(() => database.close());

const ctx = (actor: Actor, now?: Date) => ({ ...contextFor(database.db, actor), ...(now ? { now: () => now } : {}) });
const declare = (title = "Checkout errors") => declareIncident({ ctx: ctx(commander), input: { title, severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
const version = async (incidentId: string) => (await getIncident({ ctx: ctx(commander), input: { incidentId } })).version;

describe("declaring", () => {
  it("gives sequential references, makes the declarer commander, and starts the timeline", async () => {
    const first = await declare("First");
    const second = await declare("Second");
    expect(Number(second.reference.slice(4))).toBe(Number(first.reference.slice(4)) + 1);
    const incident = await getIncident({ ctx: ctx(commander), input: { incidentId: first.id } });
    expect(incident).toMatchObject({ status: "triage", severity: { name: "SEV2" }, version: 1, lastEventSeq: 2 });
    expect(incident.roles.find((r) => r.key === "commander")?.holder?.id).toBe(commander.id);
    const timeline = await getTimeline({ ctx: ctx(commander), input: { incidentId: first.id } });
    expect(timeline.map((e) => e.kind)).toEqual(["incident.declared", "role.assigned"]);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, first.id), eq(auditLog.action, "incident.declared")));
    expect(audit).toHaveLength(1);
  });

  it("never duplicates a reference under concurrent declarations", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => declare(`Concurrent ${i}`)));
    const numbers = results.map((r) => Number(r.reference.slice(4))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.at(-1)! - numbers[0]!).toBe(11);
  });

  it("refuses viewers", async () => {
    const viewer = await createActor(database.db, "viewer");
    await expect(declareIncident({ ctx: ctx(viewer), input: { title: "x", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false } })).rejects.toMatchObject({
      kind: "forbidden",
    });
  });
});

describe("lifecycle", () => {
  it("walks declare → investigating → monitoring → resolved → closed, stamping milestones once, each step on the timeline", async () => {
    const { id } = await declare();
    const base = Date.now();
    const t = (minutes: number) => new Date(base + minutes * 60_000);
    let v = await version(id);
    await changeStatus({ ctx: ctx(commander, t(5)), input: { incidentId: id, expectedVersion: v, to: "investigating" } });
    v = await version(id);
    await changeStatus({ ctx: ctx(commander, t(20)), input: { incidentId: id, expectedVersion: v, to: "monitoring" } });
    v = await version(id);
    await changeStatus({ ctx: ctx(commander, t(30)), input: { incidentId: id, expectedVersion: v, to: "resolved" } });
    v = await version(id);
    await changeStatus({ ctx: ctx(commander, t(40)), input: { incidentId: id, expectedVersion: v, to: "closed" } });

    const incident = await getIncident({ ctx: ctx(commander), input: { incidentId: id } });
    expect(incident.status).toBe("closed");
    expect(incident.milestones.acknowledgedAt).toEqual(t(5));
    expect(incident.milestones.mitigatedAt).toEqual(t(20));
    expect(incident.milestones.resolvedAt).toEqual(t(30));
    expect(incident.milestones.closedAt).toEqual(t(40));
    const changes = (await getTimeline({ ctx: ctx(commander), input: { incidentId: id, kinds: ["status.changed"] } })).map((e) =>
      e.kind === "status.changed" ? `${e.data.from}→${e.data.to}` : e.kind,
    );
    expect(changes).toEqual(["triage→investigating", "investigating→monitoring", "monitoring→resolved", "resolved→closed"]);
  });

  it("refuses a transition the lifecycle does not allow, and a decline without a reason", async () => {
    const { id } = await declare();
    await expect(changeStatus({ ctx: ctx(commander), input: { incidentId: id, expectedVersion: 1, to: "closed" } })).rejects.toMatchObject({ kind: "invalid" });
    await expect(changeStatus({ ctx: ctx(commander), input: { incidentId: id, expectedVersion: 1, to: "declined" } })).rejects.toMatchObject({ kind: "invalid", field: "reason" });
    expect((await getIncident({ ctx: ctx(commander), input: { incidentId: id } })).status).toBe("triage");
  });

  it("merges into a surviving incident with a reason, and reopens a resolved one", async () => {
    const survivor = await declare("Survivor");
    const duplicate = await declare("Duplicate");
    await changeStatus({ ctx: ctx(commander), input: { incidentId: duplicate.id, expectedVersion: 1, to: "merged", reason: "Same outage", mergedIntoNumber: Number(survivor.reference.slice(4)) } });
    const merged = await getIncident({ ctx: ctx(commander), input: { incidentId: duplicate.id } });
    expect(merged.mergedInto).toEqual({ id: survivor.id, reference: survivor.reference });
    expect(merged.closingReason).toBe("Same outage");

    await changeStatus({ ctx: ctx(commander), input: { incidentId: survivor.id, expectedVersion: 1, to: "resolved" } });
    await changeStatus({ ctx: ctx(commander), input: { incidentId: survivor.id, expectedVersion: 2, to: "investigating" } });
    const reopened = await getIncident({ ctx: ctx(commander), input: { incidentId: survivor.id } });
    expect(reopened).toMatchObject({ status: "investigating", milestones: { resolvedAt: null } });
  });

  it("corrects milestones afterwards but keeps them in order, recording each correction", async () => {
    const { id } = await declare();
    const incident = await getIncident({ ctx: ctx(commander), input: { incidentId: id } });
    const before = new Date(incident.milestones.declaredAt.getTime() - 15 * 60_000);
    await correctMilestone({ ctx: ctx(commander), input: { incidentId: id, expectedVersion: 1, milestone: "impactStartedAt", at: before } });
    const later = new Date(incident.milestones.declaredAt.getTime() + 60_000);
    await expect(correctMilestone({ ctx: ctx(commander), input: { incidentId: id, expectedVersion: 2, milestone: "impactStartedAt", at: later } })).rejects.toMatchObject({ kind: "invalid" });
    const corrected = await getIncident({ ctx: ctx(commander), input: { incidentId: id } });
    expect(corrected.milestones.impactStartedAt).toEqual(before);
    expect(await getTimeline({ ctx: ctx(commander), input: { incidentId: id, kinds: ["milestone.corrected"] } })).toHaveLength(1);
  });
});

describe("roles", () => {
  it("hands over command, keeps history, and never leaves an open incident without a commander", async () => {
    const { id } = await declare();
    await assignRole({ ctx: ctx(commander), input: { incidentId: id, expectedVersion: 1, roleKey: "commander", userId: other.id } });
    await assignRole({ ctx: ctx(commander), input: { incidentId: id, expectedVersion: 2, roleKey: "scribe" } });
    await expect(releaseRole({ ctx: ctx(other), input: { incidentId: id, expectedVersion: 3, roleKey: "commander" } })).rejects.toMatchObject({ kind: "conflict" });
    const incident = await getIncident({ ctx: ctx(commander), input: { incidentId: id } });
    expect(incident.roles.find((r) => r.key === "commander")?.holder?.name).toBe("Omar Ops");
    expect(incident.roles.find((r) => r.key === "scribe")?.holder?.name).toBe("Cora Commander");
    const commanders = incident.roleHistory.filter((h) => h.role === "Incident commander");
    expect(commanders.map((h) => [h.holder.name, h.until === null])).toEqual([
      ["Cora Commander", false],
      ["Omar Ops", true],
    ]);
  });
});

describe("no lost updates", () => {
  it("refuses a stale write with a conflict that says what changed", async () => {
    const { id } = await declare();
    await updateIncident({ ctx: ctx(commander), input: { incidentId: id, expectedVersion: 1, title: "Checkout 500s for EU" } });
    const stale = updateIncident({ ctx: ctx(other), input: { incidentId: id, expectedVersion: 1, title: "Checkout latency" } });
    await expect(stale).rejects.toMatchObject({ kind: "conflict" });
    await expect(stale).rejects.toThrow(/Title changed/);
    expect((await getIncident({ ctx: ctx(commander), input: { incidentId: id } })).title).toBe("Checkout 500s for EU");
  });

  it("fifty concurrent status changes: exactly the accepted ones reach the timeline, in order", async () => {
    const { id } = await declare();
    const targets = ["investigating", "identified", "monitoring"] as const;
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => changeStatus({ ctx: ctx(i % 2 ? commander : other), input: { incidentId: id, expectedVersion: 1, to: targets[i % 3]! } })),
    );
    const accepted = attempts.filter((a) => a.status === "fulfilled");
    expect(accepted).toHaveLength(1);
    expect(attempts.filter((a) => a.status === "rejected").every((a) => (a as PromiseRejectedResult).reason.kind === "conflict")).toBe(true);
    const statusEvents = await database.db
      .select()
      .from(incidentEvents)
      .where(and(eq(incidentEvents.incidentId, id), eq(incidentEvents.kind, "status.changed")));
    expect(statusEvents).toHaveLength(1);
    const [row] = await database.db.select().from(incidents).where(eq(incidents.id, id));
    expect(row?.version).toBe(2);
    expect(row?.status).toBe(statusEvents[0]?.data.to);
  });

  it("notes never conflict and keep sequence order under concurrency", async () => {
    const { id } = await declare();
    await Promise.all(Array.from({ length: 20 }, (_, i) => addNote({ ctx: ctx(i % 2 ? commander : other), input: { incidentId: id, body: `note ${i}` } })));
    const seqs = (await database.db.select({ seq: incidentEvents.seq }).from(incidentEvents).where(eq(incidentEvents.incidentId, id))).map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });
});

describe("the timeline", () => {
  it("is append-only: a correction supersedes a note, and the database refuses edits", async () => {
    const { id } = await declare();
    const earlier = new Date(Date.now() - 3_600_000);
    await addNote({ ctx: ctx(commander), input: { incidentId: id, body: "Deploy 4411 went out", occurredAt: earlier } });
    const [note] = await getTimeline({ ctx: ctx(commander), input: { incidentId: id, kinds: ["note.added"] } });
    expect(note?.occurredAt).toEqual(earlier);
    await addNote({ ctx: ctx(commander), input: { incidentId: id, body: "Deploy 4412 went out", correctsEventId: note!.id } });
    const notes = await getTimeline({ ctx: ctx(commander), input: { incidentId: id, kinds: ["note.added"] } });
    expect(notes.map((n) => [n.body, n.supersededById !== null])).toEqual([
      ["Deploy 4411 went out", true],
      ["Deploy 4412 went out", false],
    ]);
    await expect(database.db.update(incidentEvents).set({ body: "rewritten" }).where(eq(incidentEvents.id, note!.id))).rejects.toThrow();
    await expect(database.db.delete(incidentEvents).where(eq(incidentEvents.id, note!.id))).rejects.toThrow();
  });
});
