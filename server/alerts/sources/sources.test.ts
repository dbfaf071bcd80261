// The admin side of alert sources through the real tRPC handler: who may manage them, the token shown
// once and stored hashed, config snippets, rotation, HMAC settings sealed at rest, audit rows, the test
// alert, and reading alerts as a signed-in user.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { alertSources, auditLog } from "@/db/schema";
import type { Actor } from "@/server/context";
import { createActor } from "@/test/actors";
import { type AlertsReceiver, startAlertsReceiver } from "@/test/alerts-receiver";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";

let database: TestDatabase;
let admin: Actor;
let responder: Actor;
let viewer: Actor;
let receiver: AlertsReceiver;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  vi.stubEnv("AUTH_URL", "https://daytwo.example.com");
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  responder = await createActor(database.db, "responder");
  viewer = await createActor(database.db, "viewer");
  receiver = await startAlertsReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await database?.close();
  vi.unstubAllEnvs();
});

const call = (as: Actor, path: string, input: unknown, kind: "query" | "mutation" = "mutation") => callProcedure(database.db, as, path, input, kind);
type Created = { source: { id: string; url: string; tokenPrefix: string; hasHmac: boolean; autoResolve: string }; token: string };

async function create(input: Record<string, unknown>): Promise<Created> {
  const result = await call(admin, "alertSources.create", input);
  expect(result.status).toBe(200);
  return result.data as Created;
}

const postAlert = (id: string, token: string, title = "Hello") =>
  fetch(`${receiver.base}/api/alerts/${id}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ title, status: "firing" }) });

describe("alert sources", () => {
  it("only admins manage sources: responders and viewers get 403 with a sentence", async () => {
    for (const actor of [responder, viewer]) {
      const result = await call(actor, "alertSources.create", { name: "Prometheus", kind: "alertmanager" });
      expect(result.status).toBe(403);
      expect(result.error?.message).toBe("Only admins can do that.");
      expect((await call(actor, "alertSources.list", undefined, "query")).status).toBe(403);
    }
    expect(await database.db.select().from(alertSources)).toHaveLength(0);
  });

  it("shows the token once, stores only its hash, and gives its URL and copy-paste configuration", async () => {
    const { source, token } = await create({ name: "Prometheus prod", kind: "alertmanager" });
    expect(token).toMatch(/^dta_[A-Za-z0-9_-]{43}$/);
    expect(source.url).toBe(`https://daytwo.example.com/api/alerts/${source.id}`);
    expect(token.startsWith(source.tokenPrefix)).toBe(true);
    const [row] = await database.db.select().from(alertSources).where(eq(alertSources.id, source.id));
    expect(JSON.stringify(row)).not.toContain(token);

    const detail = await call(admin, "alertSources.get", { id: source.id }, "query");
    expect(detail.status).toBe(200);
    const config = (detail.data as { config: { alertmanager: string; grafana: string; curl: string } }).config;
    expect(JSON.stringify(detail.data)).not.toContain(token);
    expect(config.alertmanager).toContain(`url: https://daytwo.example.com/api/alerts/${source.id}`);
    expect(config.alertmanager).toContain("credentials: <TOKEN>");
    expect(config.grafana).toContain(`URL: https://daytwo.example.com/api/alerts/${source.id}`);
    expect(config.curl).toContain("Authorization: Bearer <TOKEN>");
    const list = await call(admin, "alertSources.list", undefined, "query");
    expect((list.data as { id: string }[]).map((entry) => entry.id)).toContain(source.id);

    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, source.id));
    expect(audit).toMatchObject({ action: "alert_source.created", entityType: "alert_source", actorId: admin.id });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("rotating the token turns the old one away at once", async () => {
    const { source, token } = await create({ name: "Rotating", kind: "generic" });
    expect((await postAlert(source.id, token)).status).toBe(202);
    const rotated = await call(admin, "alertSources.rotateToken", { id: source.id });
    const fresh = (rotated.data as Created).token;
    expect(fresh).not.toBe(token);
    expect((await postAlert(source.id, token)).status).toBe(401);
    expect((await postAlert(source.id, fresh)).status).toBe(202);
    const actions = await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, source.id));
    expect(actions.map((entry) => entry.action)).toContain("alert_source.token_rotated");
  });

  it("keeps an HMAC secret sealed at rest, never shows it, and audits only that it changed", async () => {
    const secret = "a-very-long-shared-secret";
    const { source } = await create({ name: "Grafana", kind: "grafana", hmacSecret: secret });
    expect(source.hasHmac).toBe(true);
    const [row] = await database.db.select().from(alertSources).where(eq(alertSources.id, source.id));
    expect(row!.hmacSecretEncrypted).toMatch(/^v1:/);
    expect(row!.hmacSecretEncrypted).not.toContain(secret);
    const updated = await call(admin, "alertSources.update", { id: source.id, hmacSecret: null, rateLimitPerMinute: 120, name: "Grafana prod" });
    expect(updated.data).toMatchObject({ hasHmac: false, rateLimitPerMinute: 120, name: "Grafana prod" });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, source.id));
    expect(JSON.stringify(audits)).not.toContain(secret);
    expect(audits.find((entry) => entry.action === "alert_source.updated")?.after).toMatchObject({ hmacSecretChanged: true, hasHmac: false, rateLimitPerMinute: 120 });
  });

  it("keeps what happens when a source's alerts all resolve: a timeline note unless told otherwise", async () => {
    const { source } = await create({ name: "Auto", kind: "alertmanager" });
    expect(source).toMatchObject({ autoResolve: "event" });
    const chosen = await create({ name: "Auto resolve", kind: "generic", autoResolve: "resolve" });
    expect(chosen.source).toMatchObject({ autoResolve: "resolve" });
    const updated = await call(admin, "alertSources.update", { id: source.id, autoResolve: "monitoring" });
    expect(updated.data).toMatchObject({ autoResolve: "monitoring" });
    const [row] = await database.db.select({ autoResolve: alertSources.autoResolve }).from(alertSources).where(eq(alertSources.id, source.id));
    expect(row?.autoResolve).toBe("monitoring");
    const listed = (await call(admin, "alertSources.list", undefined, "query")).data as { id: string; autoResolve: string }[];
    expect(listed.find((entry) => entry.id === source.id)?.autoResolve).toBe("monitoring");
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, source.id));
    expect(audit.find((entry) => entry.action === "alert_source.updated")).toMatchObject({ before: { autoResolve: "event" }, after: { autoResolve: "monitoring" } });
    const bad = await call(admin, "alertSources.update", { id: source.id, autoResolve: "close" });
    expect(bad.status).toBe(400);
    expect(bad.error?.data.fieldErrors?.autoResolve?.[0]).toContain("Choose what happens when the alerts resolve");
  });

  it("refuses bad settings with a message naming them", async () => {
    const short = await call(admin, "alertSources.create", { name: "x", kind: "grafana", hmacSecret: "short" });
    expect(short.status).toBe(400);
    expect(short.error?.message).toContain("Use an HMAC secret of at least 16 characters");
    const header = await call(admin, "alertSources.create", { name: "x", kind: "grafana", hmacHeader: "X Bad: header" });
    expect(header.status).toBe(400);
    expect(header.error?.message).toContain("The signature header may use letters, digits and - only");
    const rate = await call(admin, "alertSources.create", { name: "x", kind: "generic", rateLimitPerMinute: 2 ** 31 });
    expect(rate.status).toBe(400);
    expect(rate.error?.message).toContain("Enter a rate limit from 1 to 1,000,000 requests a minute");
    const kind = await call(admin, "alertSources.create", { name: "x", kind: "nagios" });
    expect(kind.error?.message).toContain("Choose what kind of system sends these alerts");
    const missing = await call(admin, "alertSources.update", { id: "00000000-0000-4000-8000-000000000000", name: "y" });
    expect(missing.status).toBe(404);
  });

  it("sends a test alert through the source's own format, then lists and shows it to signed-in users", async () => {
    for (const kind of ["alertmanager", "grafana", "pagerduty", "generic"]) {
      const { source } = await create({ name: `Test ${kind}`, kind });
      const sent = await call(admin, "alertSources.sendTest", { id: source.id });
      expect(sent.status).toBe(200);
      const { alertId } = sent.data as { alertId: string };
      const shown = await call(viewer, "alerts.get", { id: alertId }, "query");
      expect(shown.status).toBe(200);
      expect(shown.data).toMatchObject({ title: "Test alert from Daytwo: this source is connected", status: "firing", source: { id: source.id, kind } });
      const listed = await call(responder, "alerts.list", { sourceId: source.id }, "query");
      expect((listed.data as { alerts: { id: string }[] }).alerts.map((alert) => alert.id)).toEqual([alertId]);
    }
    expect((await call(viewer, "alerts.get", { id: "00000000-0000-4000-8000-000000000000" }, "query")).status).toBe(404);
  });

  it("deleting a source turns its URL off and keeps its alerts readable", async () => {
    const { source, token } = await create({ name: "Doomed", kind: "generic" });
    expect((await postAlert(source.id, token, "Before deletion")).status).toBe(202);
    expect((await call(admin, "alertSources.delete", { id: source.id })).status).toBe(200);
    expect((await postAlert(source.id, token)).status).toBe(404);
    expect((await call(admin, "alertSources.get", { id: source.id }, "query")).status).toBe(404);
    const listed = await call(viewer, "alerts.list", { sourceId: source.id }, "query");
    expect((listed.data as { alerts: { title: string }[] }).alerts.map((alert) => alert.title)).toEqual(["Before deletion"]);
  });
});
