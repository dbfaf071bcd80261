// The routing rules admin through the real tRPC handler: who may manage rules, the order kept 1…n
// through creates, moves (even concurrent ones) and deletes, refusals that name their field and write
// nothing, audit rows, and a preview that decides exactly as ingestion does.
import { asc, eq, isNotNull, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { alertRoutingRules, auditLog } from "@/db/schema";
import type { Actor } from "@/server/context";
import { createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";
import { labelsFingerprint, tierFromSeverity } from "../formats/alert-record";
import { loadRoutingRules } from "./load-rules";
import { decide } from "./rules";

let database: TestDatabase;
let admin: Actor;
let responder: Actor;
let viewer: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  responder = await createActor(database.db, "responder");
  viewer = await createActor(database.db, "viewer");
});
afterAll(() => database?.close());
// Each test starts from no rules (every rule is deleted, hence the condition that always holds).
beforeEach(async () => {
  await database.db.delete(alertRoutingRules).where(isNotNull(alertRoutingRules.id));
});

const call = (as: Actor, path: string, input: unknown, kind: "query" | "mutation" = "mutation") => callProcedure(database.db, as, path, input, kind);
type Rule = { id: string; name: string; position: number; tier: string | null; severityName: string | null; matchers: { label: string; op: string; value: string }[] };

async function create(input: Record<string, unknown>): Promise<Rule> {
  const result = await call(admin, "alertRules.create", input);
  expect(result.error?.message).toBeUndefined();
  return result.data as Rule;
}
const listed = async () => (await call(admin, "alertRules.list", undefined, "query")).data as Rule[];
const names = async () => (await listed()).map((rule) => rule.name);
const positions = async () => (await database.db.select({ position: alertRoutingRules.position }).from(alertRoutingRules).orderBy(asc(alertRoutingRules.position))).map((row) => row.position);

describe("alert routing rules", () => {
  it("only admins manage or try rules: responders and viewers get 403 and nothing is written", async () => {
    const rule = await create({ name: "Existing" });
    for (const actor of [responder, viewer]) {
      expect((await call(actor, "alertRules.create", { name: "Sneaky" })).status).toBe(403);
      expect((await call(actor, "alertRules.list", undefined, "query")).status).toBe(403);
      expect((await call(actor, "alertRules.move", { id: rule.id, direction: "down" })).status).toBe(403);
      expect((await call(actor, "alertRules.delete", { id: rule.id })).status).toBe(403);
      expect((await call(actor, "alertRules.preview", { labels: { service: "x" } }, "query")).status).toBe(403);
    }
    expect(await names()).toEqual(["Existing"]);
  });

  it("creates, lists in order with the severity's name, updates and deletes, auditing each", async () => {
    const checkout = await create({
      name: "Checkout",
      matchers: [
        { label: "service", value: "checkout" },
        { label: "env", op: "=~", value: "prod|staging" },
      ],
      tier: "critical",
      severityId: 1,
      groupBy: ["service"],
    });
    expect(checkout).toMatchObject({
      position: 1,
      tier: "critical",
      severityName: "SEV1",
      matchers: [
        { label: "service", op: "=", value: "checkout" },
        { label: "env", op: "=~", value: "prod|staging" },
      ],
    });
    const noise = await create({ name: "Noise", matchers: [{ label: "team", op: "!=", value: "sre" }], tier: "info", joinAcknowledgedWithinHours: 12 });
    expect(noise.position).toBe(2);
    expect(await names()).toEqual(["Checkout", "Noise"]);

    const updated = await call(admin, "alertRules.update", { id: noise.id, name: "Quiet", severityId: null, windowMinutes: 90, isEnabled: false });
    expect(updated.data).toMatchObject({ name: "Quiet", windowMinutes: 90, isEnabled: false, position: 2, joinAcknowledgedWithinHours: 12 });
    expect((await call(admin, "alertRules.delete", { id: checkout.id })).status).toBe(200);
    expect(await listed()).toMatchObject([{ name: "Quiet", position: 1 }]);

    const audits = await database.db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog).where(like(auditLog.action, "alert_rule.%"));
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: "alert_rule.created", entityId: checkout.id },
        { action: "alert_rule.updated", entityId: noise.id },
        { action: "alert_rule.deleted", entityId: checkout.id },
      ]),
    );
    expect((await call(admin, "alertRules.delete", { id: checkout.id })).status).toBe(404);
  });

  it("moves a rule up, down and to a position, keeping positions 1…n, and audits the move", async () => {
    const [a, , , d] = [await create({ name: "A" }), await create({ name: "B" }), await create({ name: "C" }), await create({ name: "D" })];
    await call(admin, "alertRules.move", { id: d!.id, direction: "up" });
    expect(await names()).toEqual(["A", "B", "D", "C"]);
    const moved = await call(admin, "alertRules.move", { id: a!.id, position: 3 });
    expect((moved.data as Rule[]).map((rule) => rule.name)).toEqual(["B", "D", "A", "C"]);
    await call(admin, "alertRules.move", { id: a!.id, position: 99 });
    expect(await names()).toEqual(["B", "D", "C", "A"]);
    // Already last: nothing changes and nothing is audited.
    await call(admin, "alertRules.move", { id: a!.id, direction: "down" });
    expect(await names()).toEqual(["B", "D", "C", "A"]);
    expect(await positions()).toEqual([1, 2, 3, 4]);
    const moves = await database.db.select({ before: auditLog.before, after: auditLog.after }).from(auditLog).where(eq(auditLog.entityId, a!.id));
    expect(moves.filter((row) => row.after && "position" in (row.after as object) && !("name" in (row.after as object)))).toEqual([
      { before: { position: 1 }, after: { position: 3 } },
      { before: { position: 3 }, after: { position: 4 } },
    ]);
  });

  it("keeps positions unique and dense under concurrent moves, creates and deletes", async () => {
    const rules = [];
    for (const name of ["A", "B", "C", "D", "E"]) rules.push(await create({ name }));
    const [a, b, c, d, e] = rules as [Rule, Rule, Rule, Rule, Rule];
    const results = await Promise.all([
      call(admin, "alertRules.move", { id: e.id, position: 1 }),
      call(admin, "alertRules.move", { id: a.id, direction: "down" }),
      call(admin, "alertRules.move", { id: c.id, position: 5 }),
      call(admin, "alertRules.create", { name: "F" }),
      call(admin, "alertRules.delete", { id: b.id }),
      call(admin, "alertRules.move", { id: d.id, direction: "up" }),
    ]);
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await positions()).toEqual([1, 2, 3, 4, 5]);
    expect((await names()).sort()).toEqual(["A", "C", "D", "E", "F"]);
  });

  it("refuses bad input with 400 and the field's name, writing nothing", async () => {
    await create({ name: "Keep" });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: "" }, "name", "Enter a name for this rule"],
      [{ name: "x", matchers: [{ label: "env", op: "=~", value: "prod(" }] }, "matchers", "This regular expression does not compile"],
      [{ name: "x", matchers: [{ label: "bad label", value: "v" }] }, "matchers", "An alert label is a name like alertname"],
      [{ name: "x", matchers: Array.from({ length: 21 }, () => ({ label: "a", value: "b" })) }, "matchers", "Use at most 20 matchers"],
      [{ name: "x", windowMinutes: 0 }, "windowMinutes", "Enter a window from 1 to 1440 minutes"],
      [{ name: "x", windowMinutes: 1441 }, "windowMinutes", "Enter a window from 1 to 1440 minutes"],
      [{ name: "x", joinAcknowledgedWithinHours: 721 }, "joinAcknowledgedWithinHours", "Enter from 1 to 720 hours"],
      [{ name: "x", groupBy: Array.from({ length: 11 }, (_, index) => `l${index}`) }, "groupBy", "Group by at most 10 labels"],
      [{ name: "x", tier: "page" }, "tier", "Choose info, warning or critical"],
      [{ name: "x", severityId: 99 }, "severityId", "That severity does not exist"],
    ];
    for (const [input, field, message] of cases) {
      const result = await call(admin, "alertRules.create", input);
      expect(result.status, JSON.stringify(input).slice(0, 80)).toBe(400);
      expect(result.error?.data.fieldErrors?.[field]?.[0]).toContain(message);
    }
    const rule = (await listed())[0]!;
    const update = await call(admin, "alertRules.update", { id: rule.id, name: "Changed", severityId: 42 });
    expect(update.error?.data.fieldErrors?.severityId?.[0]).toContain("That severity does not exist");
    const move = await call(admin, "alertRules.move", { id: rule.id });
    expect(move.error?.data.fieldErrors?.position?.[0]).toBe("Give either a direction or a position");
    expect(await listed()).toMatchObject([{ name: "Keep", position: 1 }]);
    expect((await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, rule.id))).map((row) => row.action)).toEqual(["alert_rule.created"]);
  });

  it("previews exactly what ingestion's decide gives, with the default when nothing matches", async () => {
    await create({ name: "Disabled catch-all", isEnabled: false, tier: "info" });
    await create({
      name: "Checkout prod",
      matchers: [
        { label: "service", value: "checkout" },
        { label: "env", op: "=~", value: "prod|staging" },
      ],
      tier: "critical",
      severityId: 2,
      groupBy: ["service", "env"],
    });
    await create({ name: "Not SRE", matchers: [{ label: "team", op: "!~", value: "sre.*" }], groupBy: [] });
    const rules = await loadRoutingRules(database.db);
    expect(rules.map((rule) => rule.name)).toEqual(["Checkout prod", "Not SRE"]);
    const samples: { labels: Record<string, string>; severity?: string }[] = [
      { labels: { service: "checkout", env: "staging" } },
      { labels: { service: "checkout", env: "dev", team: "sre-core", severity: "warning" } },
      { labels: { team: "payments", alertname: "HighLatency" }, severity: "critical" },
      { labels: { team: "sre", service: "search", alertname: "Down", severity: "page" } },
    ];
    const got = [];
    for (const sample of samples) {
      const result = await call(admin, "alertRules.preview", sample, "query");
      expect(result.status).toBe(200);
      const preview = result.data as { ruleName: string; tier: string; groupKey: string; alertTier: string };
      const tier = tierFromSeverity(sample.severity ?? sample.labels.severity);
      const expected = decide(rules, { labels: sample.labels, tier, senderGroupKey: null, fingerprint: labelsFingerprint(sample.labels) }, "preview");
      expect(preview).toMatchObject({ ruleName: expected.rule.name, tier: expected.tier, groupKey: expected.groupKey, alertTier: tier });
      got.push([preview.ruleName, preview.tier]);
    }
    expect(got).toEqual([
      ["Checkout prod", "critical"],
      ["Default: tier from the alert's severity label", "warning"],
      ["Not SRE", "critical"],
      ["Default: tier from the alert's severity label", "critical"],
    ]);
    const first = await call(admin, "alertRules.preview", samples[0], "query");
    expect(first.data).toMatchObject({ rule: { name: "Checkout prod" }, severityName: "SEV2", groupKey: 'labels:[["service","checkout"],["env","staging"]]' });
    const bad = await call(admin, "alertRules.preview", { labels: { "not a label": "x" } }, "query");
    expect(bad.status).toBe(400);
  });
});
