// A real Prometheus Alertmanager, started on loopback with a webhook receiver pointing at Daytwo's
// ingestion route: an alert fired into it becomes a Daytwo alert, and resolving it resolves ours.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { alerts } from "@/db/schema";
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

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  database = await createTestDatabase();
  const admin = contextFor(database.db, await createActor(database.db, "admin"));
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
});
