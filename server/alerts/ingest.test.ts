// Alert ingestion over HTTP, through the real route handler on a loopback port: formats, credentials,
// limits and deduplication as a monitoring system sees them, and the rows they leave.
import { createHmac } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { alerts, alertSourceRate, alertSources, incidents } from "@/db/schema";
import { createActor, contextFor } from "@/test/actors";
import { type AlertsReceiver, startAlertsReceiver } from "@/test/alerts-receiver";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import type { AlertSourceKind } from "@/db/enums";
import type { ServiceContext } from "@/server/context";
import { createAlertSource } from "./sources/create";
import { SOURCES_CHANNEL } from "./source-cache";
import { deleteAlertSource } from "./sources/delete";
import { rotateAlertSourceToken } from "./sources/rotate-token";
import { updateAlertSource } from "./sources/update";

let database: TestDatabase;
let receiver: AlertsReceiver;
let admin: ServiceContext;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  database = await createTestDatabase();
  admin = contextFor(database.db, await createActor(database.db, "admin"));
  receiver = await startAlertsReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await database?.close();
  vi.unstubAllEnvs();
});

async function newSource(kind: AlertSourceKind, settings: Partial<Parameters<typeof createAlertSource>[0]["input"]> = {}) {
  const { source, token } = await createAlertSource({ ctx: admin, input: { name: `${kind} source`, kind, ...settings } });
  return { id: source.id, token, url: `${receiver.base}/api/alerts/${source.id}` };
}

type Post = { token?: string; headers?: Record<string, string>; contentType?: string };
async function post(url: string, body: unknown, { token, headers = {}, contentType = "application/json" }: Post = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": contentType, ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { text };
  }
  return { status: response.status, json, headers: response.headers, text };
}

const alertsOf = (sourceId: string) => database.db.select().from(alerts).where(eq(alerts.sourceId, sourceId)).orderBy(alerts.createdAt);

const amPayload = (status: "firing" | "resolved", fingerprint = "a1b2c3", startsAt = "2026-12-01T10:00:00Z") => ({
  version: "4",
  groupKey: '{}:{alertname="HighLatency"}',
  status,
  receiver: "daytwo",
  groupLabels: { alertname: "HighLatency" },
  commonLabels: { alertname: "HighLatency", severity: "critical", service: "checkout" },
  commonAnnotations: {},
  externalURL: "http://alertmanager.example",
  truncatedAlerts: 0,
  alerts: [
    {
      status,
      labels: { alertname: "HighLatency", severity: "critical", service: "checkout" },
      annotations: { summary: "Checkout p99 latency above 2 s", description: "p99 is 3.1 s" },
      startsAt,
      endsAt: status === "firing" ? "0001-01-01T00:00:00Z" : "2026-12-01T10:30:00Z",
      generatorURL: "http://prometheus.example/graph?g0.expr=latency",
      fingerprint,
    },
  ],
});

describe("payload formats over HTTP", () => {
  it("stores an Alertmanager webhook as a critical firing alert with its own fingerprint, then resolves it", async () => {
    const source = await newSource("alertmanager");
    const fired = await post(source.url, amPayload("firing"), { token: source.token });
    expect(fired.status).toBe(202);
    expect(fired.json).toMatchObject({ status: "success", created: 1 });
    const [alert] = await alertsOf(source.id);
    expect(alert).toMatchObject({ fingerprint: "a1b2c3", status: "firing", title: "Checkout p99 latency above 2 s", description: "p99 is 3.1 s", tier: "critical", endedAt: null, occurrences: 1 });
    expect(alert!.labels).toEqual({ alertname: "HighLatency", severity: "critical", service: "checkout" });
    expect(alert!.startedAt.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(alert!.sourceUrl).toBe("http://prometheus.example/graph?g0.expr=latency");
    expect((alert!.raw as { groupKey: string }).groupKey).toBe('{}:{alertname="HighLatency"}');

    const resolved = await post(source.url, amPayload("resolved"), { token: source.token });
    expect(resolved.status).toBe(202);
    const after = await alertsOf(source.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ status: "resolved", occurrences: 2 });
    expect(after[0]!.endedAt?.toISOString()).toBe("2026-12-01T10:30:00.000Z");
  });

  it("accepts Alertmanager's basic auth (the token as password)", async () => {
    const source = await newSource("alertmanager");
    const basic = Buffer.from(`alertmanager:${source.token}`).toString("base64");
    expect((await post(source.url, amPayload("firing"), { headers: { authorization: `Basic ${basic}` } })).status).toBe(202);
  });

  it("stores a Grafana webhook, linking its panel when there is no generator URL", async () => {
    const source = await newSource("grafana");
    const payload = {
      receiver: "daytwo",
      status: "firing",
      orgId: 1,
      alerts: [
        {
          status: "firing",
          labels: { alertname: "DiskFull", grafana_folder: "infra", severity: "warning" },
          annotations: { summary: "Disk /var 95% full" },
          startsAt: "2026-12-01T09:00:00Z",
          endsAt: "0001-01-01T00:00:00Z",
          generatorURL: "",
          fingerprint: "9f8e7d",
          silenceURL: "http://grafana.example/silence",
          dashboardURL: "http://grafana.example/d/abc",
          panelURL: "http://grafana.example/d/abc?viewPanel=2",
          values: { B: 95 },
        },
      ],
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      externalURL: "http://grafana.example/",
      version: "1",
      groupKey: "{}:{}",
      truncatedAlerts: 0,
      title: "[FIRING:1] DiskFull",
      state: "alerting",
      message: "Disk /var 95% full",
    };
    expect((await post(source.url, payload, { token: source.token })).status).toBe(202);
    const [alert] = await alertsOf(source.id);
    expect(alert).toMatchObject({ fingerprint: "9f8e7d", title: "Disk /var 95% full", tier: "warning", sourceUrl: "http://grafana.example/d/abc?viewPanel=2" });
  });

  it("takes PagerDuty Events v2 with the routing key as credential: trigger, acknowledge, resolve on one dedup_key", async () => {
    const source = await newSource("pagerduty");
    const event = (action: string) => ({
      routing_key: source.token,
      event_action: action,
      dedup_key: "db-primary-down",
      ...(action === "trigger" ? { payload: { summary: "Primary database unreachable", source: "db-1", severity: "critical", custom_details: { region: "eu-west-1", attempts: 3 } } } : {}),
    });
    const triggered = await post(source.url, event("trigger"));
    expect(triggered.status).toBe(202);
    expect(triggered.json).toMatchObject({ status: "success", dedup_key: "db-primary-down" });
    expect((await post(source.url, event("acknowledge"))).status).toBe(202);
    expect((await post(source.url, event("resolve"))).status).toBe(202);
    const rows = await alertsOf(source.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ fingerprint: "db-primary-down", status: "resolved", tier: "critical", title: "Primary database unreachable" });
    expect(rows[0]!.annotations).toEqual({ region: "eu-west-1", attempts: "3" });
    // The credential is not kept in the stored payload.
    expect(JSON.stringify(rows[0]!.raw)).not.toContain(source.token);
  });

  it("takes the generic format, answering with the deduplication key, and derives a stable key from labels", async () => {
    const source = await newSource("generic");
    const keyed = await post(
      source.url,
      { title: "Queue backlog", status: "firing", deduplication_key: "queue-1", description: "12k jobs waiting", source_url: "https://grafana.example/q" },
      { token: source.token },
    );
    expect(keyed.status).toBe(202);
    expect(keyed.json).toMatchObject({ status: "success", deduplication_key: "queue-1" });
    const a = await post(source.url, { title: "Cert expiring", status: "firing", metadata: { host: "web-1", team: "edge" } }, { token: source.token });
    const b = await post(source.url, { title: "Cert expiring", status: "firing", metadata: { team: "edge", host: "web-1" } }, { token: source.token });
    expect(a.json.deduplication_key).toBe(b.json.deduplication_key);
    const rows = await alertsOf(source.id);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.fingerprint === "queue-1")).toMatchObject({ description: "12k jobs waiting", sourceUrl: "https://grafana.example/q" });
  });

  it("answers a sender that posts text/plain (no Origin) too: the route is token-authenticated, not cookie", async () => {
    const source = await newSource("generic");
    const response = await post(source.url, { title: "Plain sender", status: "firing" }, { token: source.token, contentType: "text/plain" });
    expect(response.status).toBe(202);
  });
});

describe("credentials", () => {
  const UNAUTHORIZED = { status: "error", message: "The credentials for this alert source are missing or wrong." };

  it("refuses a missing or wrong token with 401 and no hint", async () => {
    const source = await newSource("generic");
    const body = { title: "x", status: "firing" };
    const missing = await post(source.url, body);
    const wrong = await post(source.url, body, { token: `${source.token}x` });
    const otherSource = await newSource("generic");
    const foreign = await post(source.url, body, { token: otherSource.token });
    for (const response of [missing, wrong, foreign]) {
      expect(response.status).toBe(401);
      expect(response.json).toEqual(UNAUTHORIZED);
    }
    expect(await alertsOf(source.id)).toHaveLength(0);
  });

  it("verifies Grafana's HMAC of the body, and of {timestamp}:{body}; a wrong signature or a stale timestamp is the same 401", async () => {
    const secret = "grafana-shared-secret-123";
    const plain = await newSource("grafana", { hmacSecret: secret, hmacHeader: "X-Grafana-Alerting-Signature" });
    const stamped = await newSource("grafana", { hmacSecret: secret, hmacHeader: "X-Sig", timestampHeader: "X-Sig-Timestamp", toleranceSeconds: 60 });
    const body = JSON.stringify(amPayload("firing", "hmac-1"));
    const sign = (text: string) => createHmac("sha256", secret).update(text).digest("hex");

    expect((await post(plain.url, body, { headers: { "X-Grafana-Alerting-Signature": sign(body) } })).status).toBe(202);
    const now = Math.floor(Date.now() / 1000);
    expect((await post(stamped.url, body, { headers: { "X-Sig": sign(`${now}:${body}`), "X-Sig-Timestamp": String(now) } })).status).toBe(202);

    const refused = [
      await post(plain.url, body, { headers: { "X-Grafana-Alerting-Signature": sign(`${body} `) } }),
      await post(plain.url, body, { token: plain.token }), // the token alone is not enough once HMAC is on
      await post(stamped.url, body, { headers: { "X-Sig": sign(`${now - 600}:${body}`), "X-Sig-Timestamp": String(now - 600) } }),
      await post(stamped.url, body, { headers: { "X-Sig": sign(body) } }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(401);
      expect(response.json).toEqual(UNAUTHORIZED);
    }
    expect(await alertsOf(plain.id)).toHaveLength(1);
    expect(await alertsOf(stamped.id)).toHaveLength(1);
  });
});

describe("deduplication", () => {
  it("a webhook delivered 100 times leaves one alert with 100 occurrences", async () => {
    const source = await newSource("alertmanager");
    for (let i = 0; i < 100; i++) expect((await post(source.url, amPayload("firing", "replayed"), { token: source.token })).status).toBe(202);
    const rows = await alertsOf(source.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "firing", occurrences: 100 });
  });

  it("50 identical critical posts at once leave one alert and one incident", async () => {
    const source = await newSource("generic");
    const burst = { title: "Burst", status: "firing", deduplication_key: "burst", metadata: { severity: "critical", service: "burst" } };
    const responses = await Promise.all(Array.from({ length: 50 }, () => post(source.url, burst, { token: source.token })));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(202));
    const rows = await alertsOf(source.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.occurrences).toBe(50);
    expect(rows[0]!.incidentId).not.toBeNull();
    const opened = await database.db.select({ id: incidents.id }).from(incidents).where(eq(incidents.title, "Burst"));
    expect(opened).toHaveLength(1);
  });

  it("a storm of new alerts is stored whole and leaves database connections for the people working it", async () => {
    const source = await newSource("alertmanager");
    const services = ["storm-a", "storm-b", "storm-c", "storm-d"];
    const storm = (sender: number) => ({
      ...amPayload("firing"),
      alerts: Array.from({ length: 10 }, (_, i) => ({
        ...amPayload("firing").alerts[0]!,
        labels: { alertname: `Storm${i % 3}`, severity: i % 2 ? "critical" : "warning", service: services[(sender + i) % services.length]! },
        fingerprint: `storm-${sender}-${i}`,
      })),
    });
    const posts = Promise.all(Array.from({ length: 16 }, (_, sender) => post(source.url, storm(sender), { token: source.token })));
    // Mid-storm, a person's page reads through the same pool: it must not wait for the storm.
    await vi.waitFor(async () => expect((await alertsOf(source.id)).length).toBeGreaterThan(10), { timeout: 30_000, interval: 20 });
    const readStarted = performance.now();
    await database.db.select({ id: incidents.id }).from(incidents).limit(1);
    const readMs = performance.now() - readStarted;
    const responses = await posts;
    expect(responses.map((response) => response.status)).toEqual(Array(16).fill(202));
    expect(await alertsOf(source.id)).toHaveLength(160);
    expect(readMs).toBeLessThan(2_000);
  });

  it("a firing after the alert resolved opens a new alert; a late replay of the ended episode does not", async () => {
    const source = await newSource("alertmanager");
    await post(source.url, amPayload("firing", "flap"), { token: source.token });
    await post(source.url, amPayload("resolved", "flap"), { token: source.token });
    // Alertmanager retrying the old firing notification (same start) is not a new alert.
    await post(source.url, amPayload("firing", "flap"), { token: source.token });
    expect(await alertsOf(source.id)).toHaveLength(1);
    await post(source.url, amPayload("firing", "flap", "2026-12-01T11:00:00Z"), { token: source.token });
    const rows = await alertsOf(source.id);
    expect(rows.map((row) => row.status)).toEqual(["resolved", "firing"]);
    const generic = await newSource("generic");
    for (const status of ["firing", "resolved", "resolved", "firing"]) await post(generic.url, { title: "Flap", status, deduplication_key: "g" }, { token: generic.token });
    expect((await alertsOf(generic.id)).map((row) => [row.status, row.occurrences])).toEqual([
      ["resolved", 3],
      ["firing", 1],
    ]);
  });

  it("stores a request whole or not at all", async () => {
    const source = await newSource("alertmanager");
    const payload = amPayload("firing", "whole-1");
    const second = { ...payload.alerts[0]!, fingerprint: "whole-2", labels: { alertname: "X" }, startsAt: "not a date" };
    // A valid request with two alerts: both are stored.
    expect((await post(source.url, { ...payload, alerts: [payload.alerts[0], second] }, { token: source.token })).status).toBe(202);
    expect(await alertsOf(source.id)).toHaveLength(2);
    // One bad alert in the list: nothing of the request is stored.
    const bad = { ...second, fingerprint: "whole-3", status: "maybe" };
    const refused = await post(source.url, { ...payload, alerts: [{ ...payload.alerts[0], fingerprint: "whole-4" }, bad] }, { token: source.token });
    expect(refused.status).toBe(400);
    expect(await alertsOf(source.id)).toHaveLength(2);
  });
});

describe("bad input and limits", () => {
  it("answers 404 for an unknown, malformed, disabled or deleted source", async () => {
    const source = await newSource("generic");
    const body = { title: "x", status: "firing" };
    const disabled = await newSource("generic");
    await updateAlertSource({ ctx: admin, input: { id: disabled.id, isEnabled: false } });
    const deleted = await newSource("generic");
    await deleteAlertSource({ ctx: admin, input: { id: deleted.id } });
    const responses = [
      await post(`${receiver.base}/api/alerts/00000000-0000-4000-8000-000000000000`, body, { token: source.token }),
      await post(`${receiver.base}/api/alerts/not-a-uuid`, body, { token: source.token }),
      await post(disabled.url, body, { token: disabled.token }),
      await post(deleted.url, body, { token: deleted.token }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(response.json).toEqual({ status: "error", message: "There is no enabled alert source at this address." });
    }
  });

  it("answers 404 for a source segment that is not valid percent-encoding, and keeps serving", async () => {
    // decodeURIComponent throws on a stray escape; thrown inside the request handler, it once took the
    // whole server down with one unauthenticated request.
    const source = await newSource("generic");
    const broken = await post(`${receiver.base}/api/alerts/%E0%A4%A`, { title: "x", status: "firing" }, { token: source.token });
    expect(broken.status).toBe(404);
    expect((await post(source.url, { title: "after the broken one", status: "firing" }, { token: source.token })).status).toBe(202);
  });

  it("stops taking a source's alerts as soon as an admin changes it, here or on another instance", async () => {
    const source = await newSource("generic");
    const body = { title: "remembered source", status: "firing" };
    expect((await post(source.url, body, { token: source.token })).status).toBe(202);
    const { token } = await rotateAlertSourceToken({ ctx: admin, input: { id: source.id } });
    expect((await post(source.url, body, { token: source.token })).status).toBe(401);
    expect((await post(source.url, body, { token })).status).toBe(202);
    // Another instance disables it: only its NOTIFY reaches this process (the cache would keep the
    // row for 5 s), so the 404 within a second proves the announcement is heard.
    await database.db.transaction(async (tx) => {
      await tx.update(alertSources).set({ isEnabled: false }).where(eq(alertSources.id, source.id));
      await tx.execute(sql`select pg_notify(${SOURCES_CHANNEL}, ${source.id})`);
    });
    await vi.waitFor(async () => expect((await post(source.url, body, { token })).status).toBe(404), { timeout: 1_000, interval: 50 });
  });

  it("answers 413 for a body over 1 MB, declared or streamed, and stores nothing", async () => {
    const source = await newSource("generic");
    const huge = JSON.stringify({ title: "big", status: "firing", description: "x".repeat(1024 * 1024) });
    const declared = await post(source.url, huge, { token: source.token });
    expect(declared.status).toBe(413);
    expect(declared.json.message).toMatch(/larger than 1 MB/);
    // Chunked, with no Content-Length: the read stops at the limit.
    const chunk = "x".repeat(64 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > 40) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    const streamed = await fetch(source.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${source.token}` }, body: stream, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await alertsOf(source.id)).toHaveLength(0);
  });

  it("answers 400 naming the problem: broken JSON, empty body, a payload that fits no format, unstorable text", async () => {
    const source = await newSource("alertmanager");
    const generic = await newSource("generic");
    const broken = await post(source.url, '{"alerts": [', { token: source.token });
    expect(broken.status).toBe(400);
    expect(broken.json.message).toMatch(/^The body is not valid JSON: /);
    expect((await post(source.url, "", { token: source.token })).json.message).toBe("The body is empty; send the alert as JSON.");
    const wrongShape = await post(source.url, { title: "hello", status: "firing" }, { token: source.token });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.json.message).toBe("This is not a Prometheus Alertmanager webhook payload: alerts: must be a list of alerts");
    const badStatus = await post(generic.url, { title: "t", status: "on fire" }, { token: generic.token });
    expect(badStatus.json.message).toBe("This is not a Daytwo generic JSON alert payload: status: must be firing or resolved");
    const nul = await post(generic.url, { title: "t", status: "firing", metadata: { host: "a\u0000b" } }, { token: generic.token });
    expect(nul.status).toBe(400);
    expect(nul.json.message).toMatch(/^The payload holds text that cannot be stored at metadata\.host: Remove the invisible control character/);
    expect(await alertsOf(source.id)).toHaveLength(0);
    expect(await alertsOf(generic.id)).toHaveLength(0);
  });

  it("answers 429 with Retry-After past the source's per-minute limit, counted in the database for every instance", async () => {
    // Three requests in one minute window: start clear of a minute boundary.
    const second = new Date().getUTCSeconds();
    if (second > 50) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const source = await newSource("generic", { rateLimitPerMinute: 3 });
    const body = { title: "rate", status: "firing", deduplication_key: "rate" };
    for (let i = 0; i < 3; i++) expect((await post(source.url, body, { token: source.token })).status).toBe(202);
    const limited = await post(source.url, body, { token: source.token });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json.message).toMatch(/more than 3 requests this minute/);
    const [alert] = await alertsOf(source.id);
    expect(alert!.occurrences).toBe(3);
    const [window] = await database.db
      .select()
      .from(alertSourceRate)
      .where(and(eq(alertSourceRate.sourceId, source.id)));
    expect(window!.requests).toBe(4);
  });
});
