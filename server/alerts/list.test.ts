// The alerts list and one alert's page, as a signed-in person reads them through tRPC: filters,
// paging, and the incident link that must not name a private incident the reader is not part of.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertRoutingRules, alerts } from "@/db/schema";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { openedByAlerts, storeGeneric } from "@/test/alert-rows";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";
import { createAlertSource } from "./sources/create";

type Summary = { id: string; title: string; incidentId: string | null; incident: { reference: string; title: string } | null };
type Page = { alerts: Summary[]; nextCursor: string | null };

let database: TestDatabase;
let admin: Actor;
let viewer: Actor;
let grafana: { id: string; name: string };
let prometheus: { id: string; name: string };
const now = Date.now();
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000);

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  viewer = await createActor(database.db, "viewer");
  const ctx = contextFor(database.db, admin);
  grafana = (await createAlertSource({ ctx, input: { name: "Grafana", kind: "generic" } })).source;
  prometheus = (await createAlertSource({ ctx, input: { name: "Prometheus", kind: "generic" } })).source;
  await storeGeneric(database.db, grafana, { title: "Disk full", metadata: { severity: "critical", service: "db" } }, minutesAgo(5));
  await storeGeneric(database.db, grafana, { title: "Slow checkout", metadata: { severity: "warning", service: "checkout" } }, minutesAgo(90));
  await storeGeneric(database.db, prometheus, { title: "Checkout errors", metadata: { severity: "critical", service: "checkout", region: "eu" } }, minutesAgo(3 * 24 * 60));
  const old = await storeGeneric(database.db, prometheus, { title: "Old noise", metadata: { service: "batch" } }, minutesAgo(40 * 24 * 60));
  await storeGeneric(database.db, prometheus, { title: "Old noise", status: "resolved", metadata: { service: "batch" } }, minutesAgo(40 * 24 * 60 - 1));
  expect(old).toBeTruthy();
});
afterAll(() => database.close());

const list = async (as: Actor, input: Record<string, unknown>) => {
  const result = await callProcedure(database.db, as, "alerts.list", input, "query");
  if (result.status !== 200) throw new Error(`${result.status} ${result.error?.message}`);
  return result.data as Page;
};
const titles = async (input: Record<string, unknown>) => (await list(viewer, input)).alerts.map((alert) => alert.title);

describe("alerts list filters", () => {
  it("lists newest activity first and narrows by source, status, tier, label and time", async () => {
    expect(await titles({})).toEqual(["Disk full", "Slow checkout", "Checkout errors", "Old noise"]);
    expect(await titles({ sourceId: grafana.id })).toEqual(["Disk full", "Slow checkout"]);
    expect(await titles({ status: "resolved" })).toEqual(["Old noise"]);
    expect(await titles({ tier: "critical" })).toEqual(["Disk full", "Checkout errors"]);
    expect(await titles({ label: "service=checkout" })).toEqual(["Slow checkout", "Checkout errors"]);
    expect(await titles({ label: " region = eu " })).toEqual(["Checkout errors"]);
    expect(await titles({ label: "service=check" })).toEqual([]);
    expect(await titles({ window: "1h" })).toEqual(["Disk full"]);
    expect(await titles({ window: "24h" })).toEqual(["Disk full", "Slow checkout"]);
    expect(await titles({ window: "7d", tier: "critical", sourceId: prometheus.id })).toEqual(["Checkout errors"]);
    expect(await titles({ window: "30d" })).toHaveLength(3);
  });

  it("refuses a label filter that is not name=value, with a message saying how to write it", async () => {
    for (const label of ["service", "=checkout", "ser vice=x", "service="]) {
      const result = await callProcedure(database.db, viewer, "alerts.list", { label }, "query");
      expect(result.status).toBe(400);
      expect(result.error?.message).toMatch(/name=value|An alert label is a name/);
    }
  });

  it("pages with a cursor: every alert once, in order", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(viewer, { limit: 1, cursor });
      seen.push(...page.alerts.map((alert) => alert.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["Disk full", "Slow checkout", "Checkout errors", "Old noise"]);
    expect((await callProcedure(database.db, viewer, "alerts.list", { cursor: "forged" }, "query")).status).toBe(400);
  });
});

describe("the incident an alert belongs to", () => {
  it("is named to those who may see it, and not even hinted at to those who may not", async () => {
    const outsider = await createActor(database.db, "responder");
    const ctx = contextFor(database.db, admin);
    const secret = await declareIncident({ ctx, input: { title: "Secret breach", severityId: 1, kind: "incident", summary: "", serviceIds: [], isPrivate: true } });
    const open = await declareIncident({ ctx, input: { title: "Public outage", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    const hidden = await storeGeneric(database.db, grafana, { title: "Leaky alert", metadata: { team: "security" } });
    const shown = await storeGeneric(database.db, grafana, { title: "Outage alert", metadata: { team: "web" } });
    await openedByAlerts(database.db, hidden, secret.id);
    await openedByAlerts(database.db, shown, open.id);

    const asOutsider = (await list(outsider, { sourceId: grafana.id })).alerts;
    expect(asOutsider.find((alert) => alert.id === hidden)).toMatchObject({ incidentId: null, incident: null });
    expect(asOutsider.find((alert) => alert.id === shown)?.incident).toMatchObject({ title: "Public outage", reference: expect.stringMatching(/^INC-\d+$/) });
    const page = await callProcedure(database.db, outsider, "alerts.get", { id: hidden }, "query");
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).not.toContain(secret.id);
    expect(JSON.stringify(page.data)).not.toContain("Secret breach");

    const asAdmin = (await list(admin, { sourceId: grafana.id })).alerts;
    expect(asAdmin.find((alert) => alert.id === hidden)?.incident).toMatchObject({ title: "Secret breach" });
  });
});

describe("one alert's page", () => {
  it("shows its details, raw payload and the rule that routed it", async () => {
    const id = await storeGeneric(database.db, prometheus, { title: "Queue backlog", metadata: { queue: "mail" }, source_url: "https://grafana.example/d/1" });
    const get = async () => (await callProcedure(database.db, viewer, "alerts.get", { id }, "query")).data as Record<string, unknown>;
    // Routed by the built-in rule (no rule row, a group key).
    expect(await get()).toMatchObject({ title: "Queue backlog", labels: { queue: "mail" }, sourceUrl: "https://grafana.example/d/1", raw: { title: "Queue backlog" }, ruleName: "Default rule" });
    await database.db.update(alerts).set({ groupKey: null }).where(eq(alerts.id, id));
    expect((await get()).ruleName).toBeNull();
    const [rule] = await database.db.insert(alertRoutingRules).values({ name: "Mail queues", position: 1 }).returning();
    await database.db.update(alerts).set({ ruleId: rule!.id }).where(eq(alerts.id, id));
    expect((await get()).ruleName).toBe("Mail queues");
    expect((await callProcedure(database.db, viewer, "alerts.get", { id: "00000000-0000-4000-8000-000000000000" }, "query")).status).toBe(404);
  });
});
