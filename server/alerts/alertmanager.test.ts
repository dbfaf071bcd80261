// A real Prometheus Alertmanager, started on loopback with a webhook receiver pointing at Daytwo's
// ingestion route: an alert fired into it becomes a Daytwo alert, and resolving it resolves ours.
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { alertSources, alerts, incidentEvents, incidents, notifications, services, severities, teamMembers, teams } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { createRunbook } from "@/server/runbooks/create";
import { suggestionsForIncident } from "@/server/runbooks/suggestions";
import { createActor, contextFor } from "@/test/actors";
import { type Alertmanager, startAlertmanager } from "@/test/alertmanager";
import { type AlertsReceiver, startAlertsReceiver } from "@/test/alerts-receiver";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createAlertSource } from "./sources/create";

let database: TestDatabase;
let receiver: AlertsReceiver;
let alertmanager: Alertmanager | undefined;
let sourceId: string;
let admin: ServiceContext;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  database = await createTestDatabase();
  admin = contextFor(database.db, await createActor(database.db, "admin"));
  receiver = await startAlertsReceiver();
  const { source, token } = await createAlertSource({ ctx: admin, input: { name: "Prometheus", kind: "alertmanager" } });
  sourceId = source.id;
  alertmanager = await startAlertmanager({ url: `${receiver.base}/api/alerts/${source.id}`, token });
});
afterAll(async () => {
  await alertmanager?.stop();
  await receiver?.close();
  await database?.close();
  vi.unstubAllEnvs();
});

async function waitFor<T>(what: string, read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}\nAlertmanager said:\n${alertmanager?.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it("fires an alert through Alertmanager into a Daytwo alert, then resolves it", async () => {
  const startsAt = new Date(Date.now() - 60_000);
  const labels = { alertname: "ApiErrorRate", severity: "critical", service: "api", instance: "api-1:9100" };
  await alertmanager!.sendAlerts([{ labels, annotations: { summary: "API 5xx rate above 5%", description: "7.2% of requests fail" }, startsAt: startsAt.toISOString() }]);
  const rows = () => database.db.select().from(alerts).where(eq(alerts.sourceId, sourceId));
  const [firing] = await waitFor("the firing alert", rows, (found) => found.length === 1);
  expect(firing).toMatchObject({ status: "firing", title: "API 5xx rate above 5%", description: "7.2% of requests fail", tier: "critical", endedAt: null });
  expect(firing!.labels).toEqual(labels);
  // Alertmanager's own fingerprint: 16 hex digits.
  expect(firing!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  expect(firing!.startedAt.getTime()).toBe(startsAt.getTime());
  expect((firing!.raw as { receiver: string; version: string }).version).toBe("4");

  const endsAt = new Date();
  await alertmanager!.sendAlerts([{ labels, annotations: { summary: "API 5xx rate above 5%" }, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }]);
  const [resolved] = await waitFor("the resolution", rows, (found) => found[0]?.status === "resolved");
  expect(await rows()).toHaveLength(1);
  expect(resolved!.id).toBe(firing!.id);
  expect(resolved!.fingerprint).toBe(firing!.fingerprint);
  expect(resolved!.endedAt?.getTime()).toBe(endsAt.getTime());
  // The critical alert declared an incident; its resolution is on that incident's timeline.
  expect(resolved!.incidentId).not.toBeNull();
  const kinds = (await database.db.select({ kind: incidentEvents.kind }).from(incidentEvents).where(eq(incidentEvents.incidentId, resolved!.incidentId!))).map((e) => e.kind);
  expect(kinds).toEqual(["incident.declared", "alert.received", "alert.resolved", "alert.all_resolved"]);
});

it("turns a burst of related alerts into one incident with the right runbook and the owner team paged; replays change nothing; all resolved resolves it", async () => {
  const oncall = await createActor(database.db, "responder", "Search oncall");
  const [team] = await database.db.insert(teams).values({ name: "Search team" }).returning();
  await database.db.insert(teamMembers).values({ teamId: team!.id, userId: oncall.id });
  await database.db.insert(services).values({ name: "search", tier: 1, ownerTeamId: team!.id });
  const { id: runbookId } = await createRunbook({
    ctx: admin,
    input: {
      title: "Search latency",
      summary: "",
      body: { type: "doc", content: [] },
      ownerTeamId: null,
      serviceIds: [],
      incidentKinds: [],
      severityIds: [],
      alertMatchers: [{ label: "alertname", value: "SearchLatency" }],
      reviewIntervalDays: 90,
      note: "",
    },
  });
  await database.db.update(alertSources).set({ autoResolve: "resolve" }).where(eq(alertSources.id, sourceId));

  const startsAt = new Date(Date.now() - 30_000).toISOString();
  const burst = ["1", "2", "3", "4", "5"].map((n) => ({
    labels: { alertname: "SearchLatency", severity: "critical", service: "search", instance: `search-${n}` },
    annotations: { summary: `Search p99 high on search-${n}` },
    startsAt,
  }));
  await alertmanager!.sendAlerts(burst);
  const burstRows = () => database.db.select().from(alerts).where(sql`${alerts.labels}->>'alertname' = 'SearchLatency'`);
  const firing = await waitFor("five firing alerts", burstRows, (found) => found.length === 5 && found.every((a) => a.incidentId));
  const incidentIds = new Set(firing.map((a) => a.incidentId));
  expect(incidentIds.size).toBe(1);
  const incidentId = firing[0]!.incidentId!;
  const [incident] = await database.db.select().from(incidents).where(eq(incidents.id, incidentId));
  const [severity] = await database.db.select().from(severities).where(eq(severities.id, incident!.severityId));
  expect(severity?.name).toBe("SEV1");
  expect(await database.db.select().from(notifications).where(eq(notifications.userId, oncall.id))).toHaveLength(1);
  const suggested = await suggestionsForIncident({ ctx: admin, input: { incidentId } });
  expect(suggested[0]?.runbook.id).toBe(runbookId);

  // Prometheus re-sending the same alerts (as it does every evaluation): nothing new appears. Replays
  // of the webhook itself are covered in ingest.test.ts (100 deliveries, 50 at once).
  const before = (await database.db.select({ n: count() }).from(incidents))[0]!.n;
  await alertmanager!.sendAlerts(burst);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect((await burstRows()).length).toBe(5);
  expect((await database.db.select({ n: count() }).from(incidents))[0]!.n).toBe(before);

  const endsAt = new Date().toISOString();
  await alertmanager!.sendAlerts(burst.map((alert) => ({ ...alert, endsAt })));
  await waitFor(
    "the incident resolved by its alerts",
    async () => (await database.db.select().from(incidents).where(eq(incidents.id, incidentId)))[0]?.status,
    (status) => status === "resolved",
  );
});
