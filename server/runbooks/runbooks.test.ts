import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionItems, auditLog, postMortems, runbookFeedback, services, teamMembers, teams } from "@/db/schema";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";
import { createRunbook } from "./create";
import { diffRunbookRevisions } from "./diff";
import { exportRunbookMarkdown } from "./export-markdown";
import { getRunbook } from "./get";
import { importMarkdownRunbook } from "./import-markdown";
import { listRunbooks } from "./list";
import { markReviewed } from "./mark-reviewed";
import { restoreRunbook } from "./restore";
import { getRevision, listRevisions } from "./revisions";
import { updateRunbook } from "./update";

let database: TestDatabase;
let ana: Actor;
let ben: Actor;
let viewer: Actor;
let payments: { id: string };
let platform: { id: string };
let checkout: { id: string };
let search: { id: string };
const DAY = 86_400_000;
const now = new Date("2026-11-23T12:00:00Z");
const as = (actor: Actor, at = now) => ({ ...contextFor(database.db, actor), now: () => at });

beforeAll(async () => {
  database = await createTestDatabase();
  ana = await createActor(database.db, "responder", "Ana Author");
  ben = await createActor(database.db, "responder", "Ben Bystander");
  viewer = await createActor(database.db, "viewer", "Vic Viewer");
  [payments, platform] = (await database.db
    .insert(teams)
    .values([{ name: "Payments" }, { name: "Platform" }])
    .returning({ id: teams.id })) as [{ id: string }, { id: string }];
  await database.db.insert(teamMembers).values({ teamId: payments.id, userId: ana.id, isLead: true });
  [checkout, search] = (await database.db
    .insert(services)
    .values([{ name: "Checkout API" }, { name: "Search" }])
    .returning({ id: services.id })) as [{ id: string }, { id: string }];
});
afterAll(() => database.close());

const step = (text: string, id?: string) => ({ type: "runbookStep", attrs: id ? { id } : {}, content: [{ type: "text", text }] });
const doc = (...content: unknown[]) => ({ type: "doc" as const, content });
const fields = (overrides: Record<string, unknown> = {}) => ({
  title: "Checkout error spike",
  summary: "When checkout returns 5xx",
  body: doc({ type: "paragraph", content: [{ type: "text", text: "Payments gateway timeouts" }] }, step("Open the dashboard"), step("Roll back the deploy")),
  ownerTeamId: payments.id,
  serviceIds: [checkout.id],
  incidentKinds: [],
  severityIds: [],
  alertMatchers: [{ label: "alertname", value: "HighErrorRate" }],
  reviewIntervalDays: 90,
  note: "",
  ...overrides,
});

describe("runbook revisions", () => {
  it("create writes revision 1 with step ids; update writes the next; a stale save conflicts naming who saved what", async () => {
    const { id, revision } = await createRunbook({ ctx: as(ana), input: fields() });
    expect(revision).toBe(1);
    const created = await getRunbook({ ctx: as(ben), input: { id } });
    expect(created.steps.map((s) => s.text)).toEqual(["Open the dashboard", "Roll back the deploy"]);
    expect(created.steps.every((s) => /^s-[a-z0-9]+$/.test(s.id))).toBe(true);
    const [first, second] = created.steps;
    const body = doc(step("Open the error dashboard", first!.id), step("Roll back the deploy", second!.id), step("Tell support"));
    expect(await updateRunbook({ ctx: as(ana, new Date(now.getTime() + 60_000)), input: { id, baseRevision: 1, ...fields({ body, note: "Name the dashboard" }) } })).toEqual({ revision: 2 });
    const updated = await getRunbook({ ctx: as(ben), input: { id } });
    expect(updated.steps.slice(0, 2).map((s) => s.id)).toEqual([first!.id, second!.id]);
    await expect(updateRunbook({ ctx: as(ben), input: { id, baseRevision: 1, ...fields({ title: "Mine" }) } })).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringContaining('Ana Author saved revision 2 at 12:01 UTC ("Name the dashboard") while you were editing revision 1'),
    });
    const overHttp = await callProcedure(database.db, ben, "runbooks.update", { id, baseRevision: 1, ...fields({ title: "Mine" }) }, "mutation");
    expect(overHttp).toMatchObject({ status: 409, error: { data: { code: "CONFLICT" }, message: expect.stringContaining("Ana Author saved revision 2") } });
    expect((await getRunbook({ ctx: as(ben), input: { id } })).title).toBe("Checkout error spike");
    const history = await listRevisions({ ctx: as(ben), input: { id } });
    expect(history.map((r) => [r.number, r.note, r.author.name])).toEqual([
      [2, "Name the dashboard", "Ana Author"],
      [1, "Created", "Ana Author"],
    ]);
    const audits = await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action).sort()).toEqual(["runbook.created", "runbook.updated"]);
  });

  it("diffs any two revisions and restores an old one as a new revision", async () => {
    const { id } = await createRunbook({ ctx: as(ana), input: fields({ title: "Search is slow", serviceIds: [search.id], body: doc(step("Check the index")) }) });
    await updateRunbook({
      ctx: as(ana),
      input: { id, baseRevision: 1, ...fields({ title: "Search latency", serviceIds: [search.id], body: doc(step("Check the index size"), step("Warm the cache")) }) },
    });
    const diff = await diffRunbookRevisions({ ctx: as(ben), input: { id, from: 1, to: 2 } });
    expect(diff).toEqual({
      from: 1,
      to: 2,
      title: { from: "Search is slow", to: "Search latency" },
      lines: [
        { kind: "removed", text: "[ ] Check the index" },
        { kind: "added", text: "[ ] Check the index size" },
        { kind: "added", text: "[ ] Warm the cache" },
      ],
    });
    await expect(restoreRunbook({ ctx: as(ana), input: { id, number: 1, baseRevision: 1 } })).rejects.toMatchObject({ kind: "conflict" });
    expect(await restoreRunbook({ ctx: as(ana), input: { id, number: 1, baseRevision: 2 } })).toEqual({ revision: 3 });
    const restored = await getRevision({ ctx: as(ben), input: { id, number: 3 } });
    expect(restored).toMatchObject({ title: "Search is slow", restoredFrom: 1, note: "Restored revision 1", steps: [{ text: "Check the index" }] });
    expect((await getRunbook({ ctx: as(ben), input: { id } })).services.map((s) => s.id)).toEqual([search.id]);
    await expect(getRevision({ ctx: as(ben), input: { id, number: 9 } })).rejects.toMatchObject({ kind: "not_found" });
  });

  it("refuses unknown teams and services with a message naming the field", async () => {
    await expect(createRunbook({ ctx: as(ana), input: fields({ serviceIds: [crypto.randomUUID()] }) })).rejects.toMatchObject({ kind: "invalid", field: "serviceIds" });
    await expect(createRunbook({ ctx: as(ana), input: fields({ ownerTeamId: crypto.randomUUID() }) })).rejects.toMatchObject({ kind: "invalid", field: "ownerTeamId" });
  });
});

describe("finding runbooks", () => {
  it("searches title, summary and body with full-text search, ranked, and filters by service, team and mine", async () => {
    await createRunbook({
      ctx: as(ana),
      input: fields({ title: "Kafka consumer lag", summary: "", body: doc(step("Check partitions")), ownerTeamId: platform.id, serviceIds: [], alertMatchers: [] }),
    });
    await createRunbook({
      ctx: as(ana),
      input: fields({ title: "Database failover", summary: "Promote the replica when kafka lags too", body: doc(step("Promote")), ownerTeamId: platform.id, serviceIds: [], alertMatchers: [] }),
    });
    const hits = await listRunbooks({ ctx: as(viewer), input: { q: "kafka" } });
    expect(hits.items.map((r) => r.title)).toEqual(["Kafka consumer lag", "Database failover"]);
    expect((await listRunbooks({ ctx: as(viewer), input: { q: "telling support" } })).items.map((r) => r.title)).toEqual(["Checkout error spike"]);
    expect((await listRunbooks({ ctx: as(viewer), input: { q: '"consumer lag" -database' } })).items).toHaveLength(1);
    const bySearch = await listRunbooks({ ctx: as(viewer), input: { serviceId: search.id } });
    expect(bySearch.items.map((r) => r.title)).toEqual(["Search is slow"]);
    expect(bySearch.items[0]).toMatchObject({ ownerTeam: { id: payments.id, name: "Payments" }, services: [{ id: search.id, name: "Search" }], revision: 3 });
    expect((await listRunbooks({ ctx: as(viewer), input: { teamId: platform.id } })).items).toHaveLength(2);
    const mine = await listRunbooks({ ctx: as(ana), input: { mine: true } });
    expect(mine.items.every((r) => r.ownerTeam?.id === payments.id)).toBe(true);
    expect((await listRunbooks({ ctx: as(ben), input: { mine: true } })).items).toEqual([]);
  });

  it("computes freshness from loaded inputs, lists stale first, filters by it, and Mark reviewed makes it fresh", async () => {
    const later = new Date(now.getTime() + 100 * DAY);
    const { id } = await createRunbook({ ctx: as(ana), input: fields({ title: "Aaa short interval", reviewIntervalDays: 30, alertMatchers: [] }) });
    const list = await listRunbooks({ ctx: as(viewer, later), input: {} });
    expect(list.items[0]?.freshness.state).toBe("stale");
    const stale = await listRunbooks({ ctx: as(viewer, later), input: { freshness: "stale" } });
    expect(stale.items.map((r) => r.id)).toContain(id);
    expect(await markReviewed({ ctx: as(ben, later), input: { id } })).toEqual({ reviewedAt: later });
    const reviewed = await getRunbook({ ctx: as(viewer, later), input: { id } });
    expect(reviewed).toMatchObject({ freshness: { state: "fresh", reasons: [] }, lastReviewedAt: later, lastReviewedBy: { id: ben.id, name: "Ben Bystander" } });
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "runbook.reviewed"));
    expect(audit?.entityId).toBe(id);
  });

  it("shows open action items and a published post-mortem's items targeting it, and counts them against freshness", async () => {
    const { id } = await createRunbook({ ctx: as(ana), input: fields({ title: "Targeted", alertMatchers: [] }) });
    const incident = await declareIncident({ ctx: as(ana), input: { title: "Checkout down", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    const [postMortem] = await database.db.insert(postMortems).values({ incidentId: incident.id, ownerId: ana.id, sections: [], status: "published", publishedAt: now }).returning();
    const base = { ownerId: ben.id, createdById: ana.id, runbookId: id, incidentId: incident.id };
    await database.db.insert(actionItems).values([
      { ...base, title: "Add the new dashboard link", dueAt: new Date(now.getTime() + 10 * DAY) },
      { ...base, title: "Document the failover", dueAt: new Date(now.getTime() - DAY), status: "done", doneAt: now, postMortemId: postMortem!.id },
      { ...base, title: "Done, no post-mortem", dueAt: now, status: "done", doneAt: now },
    ]);
    await database.db
      .insert(runbookFeedback)
      .values({ runbookId: id, incidentId: incident.id, userId: ben.id, helpful: false, comment: "Step 2 is outdated", createdAt: new Date(now.getTime() + 1000) });
    const runbook = await getRunbook({ ctx: as(viewer, new Date(now.getTime() + DAY)), input: { id } });
    expect(runbook.targetingActionItems.map((i) => [i.title, i.status, i.postMortemId !== null, i.incident?.reference])).toEqual([
      // Open items first (the shared action-item order), then the done one a post-mortem asked for.
      ["Add the new dashboard link", "open", false, incident.reference],
      ["Document the failover", "done", true, incident.reference],
    ]);
    expect(runbook.freshness).toEqual({ state: "review_soon", reasons: ["1 open action item targets this runbook", "Marked not helpful once since the last review or edit"] });
    expect(runbook.feedback).toMatchObject({ helpful: 0, unhelpful: 1, latest: [{ comment: "Step 2 is outdated", user: { name: "Ben Bystander" } }] });
  });
});

describe("feedback and who reads it", () => {
  it("admins read every comment (private incidents too); outsiders to a private incident see neither its count nor its comment", async () => {
    const admin = await createActor(database.db, "admin", "Ada Admin");
    const { id } = await createRunbook({ ctx: as(ana), input: fields({ title: "Feedback readers", alertMatchers: [] }) });
    const secret = await declareIncident({ ctx: as(ana), input: { title: "Card data exposure", severityId: 1, kind: "incident", summary: "", serviceIds: [], isPrivate: true } });
    const open = await declareIncident({ ctx: as(ana), input: { title: "Slow search", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    await database.db.insert(runbookFeedback).values([
      { runbookId: id, incidentId: secret.id, userId: ana.id, helpful: false, comment: "The rotation step is missing", createdAt: now },
      { runbookId: id, incidentId: open.id, userId: ben.id, helpful: true, comment: "Worked as written", createdAt: new Date(now.getTime() + 1000) },
    ]);
    const asAdmin = await getRunbook({ ctx: as(admin), input: { id } });
    expect(asAdmin.feedback).toMatchObject({ helpful: 1, unhelpful: 1 });
    expect(asAdmin.feedback.latest.map((f) => f.comment)).toEqual(["Worked as written", "The rotation step is missing"]);
    // The same through the API the page reads.
    const overHttp = await callProcedure(database.db, admin, "runbooks.get", { id }, "query");
    expect((overHttp.data as typeof asAdmin).feedback.latest.map((f) => f.comment)).toContain("The rotation step is missing");
    const asOutsider = await getRunbook({ ctx: as(viewer), input: { id } });
    expect(asOutsider.feedback).toMatchObject({ helpful: 1, unhelpful: 0 });
    expect(asOutsider.feedback.latest.map((f) => f.comment)).toEqual(["Worked as written"]);
  });
});

describe("Markdown and permissions", () => {
  it("imports a wiki page and exports it back with steps as task items", async () => {
    const markdown = "# Search reindex\n\nRebuild the index safely.\n\n## Steps\n\n- [ ] Pause the **indexer**\n- [x] Run `reindex --all`\n\nSee [the docs](https://wiki.example/search).\n";
    const { id } = await importMarkdownRunbook({ ctx: as(ana), input: { markdown, serviceIds: [search.id] } });
    const runbook = await getRunbook({ ctx: as(viewer), input: { id } });
    expect(runbook).toMatchObject({ title: "Search reindex", summary: "Rebuild the index safely.", services: [{ name: "Search" }], revision: 1 });
    expect(runbook.steps.map((s) => s.text)).toEqual(["Pause the indexer", "Run reindex --all"]);
    expect(await exportRunbookMarkdown({ ctx: as(viewer), input: { id } })).toEqual({
      filename: "search-reindex.md",
      markdown: "# Search reindex\n\nRebuild the index safely.\n\n## Steps\n\n- [ ] Pause the **indexer**\n- [ ] Run `reindex --all`\n\nSee [the docs](https://wiki.example/search).\n",
    });
  });

  it("viewers read but cannot write; input errors say what to fix", async () => {
    const { items } = await listRunbooks({ ctx: as(viewer), input: {} });
    const id = items[0]!.id;
    expect((await callProcedure(database.db, viewer, "runbooks.get", { id }, "query")).status).toBe(200);
    for (const [path, input] of [
      ["runbooks.create", fields()],
      ["runbooks.update", { id, baseRevision: 1, ...fields() }],
      ["runbooks.markReviewed", { id }],
      ["runbooks.restore", { id, number: 1, baseRevision: 1 }],
      ["runbooks.importMarkdown", { markdown: "# x" }],
    ] as const) {
      expect((await callProcedure(database.db, viewer, path, input, "mutation")).error?.data.code).toBe("FORBIDDEN");
    }
    const bad = await callProcedure(database.db, ana, "runbooks.create", fields({ title: "x", alertMatchers: [{ label: "bad label", value: "" }] }), "mutation");
    expect(bad.error?.data.code).toBe("BAD_REQUEST");
    expect(bad.error?.message).toMatch(/title of at least 3 characters/);
    expect((await callProcedure(database.db, ana, "runbooks.get", { id: crypto.randomUUID() }, "query")).error?.data.code).toBe("NOT_FOUND");
  });
});
