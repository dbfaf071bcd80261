// /metrics on the real server, read by a real Prometheus: off without METRICS_TOKEN, 401 without the
// token, and with it the figures an operator graphs (open incidents, alerts received, HTTP by route)
// in a format promtool accepts and Prometheus scrapes.
import { spawnSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { createAlertSource } from "@/server/alerts/sources/create";
import { handleMetricsRequest } from "@/server/http/metrics-endpoint";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { type AppDatabase, prepareAppDatabase } from "@/test/app-database";
import { type AppProcess, startApp, stopAllApps } from "@/test/app-process";
import { PROMTOOL_BIN, type Prometheus, requirePrometheus, startPrometheus } from "@/test/prometheus";

const METRICS_TOKEN = "metrics-token-0123456789abcdef";

async function seed(db: Db) {
  const ctx = contextFor(db, await createActor(db, "admin", "Metrics Admin"));
  await declareIncident({ ctx, input: { title: "Checkout down", severityId: 1, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
  await declareIncident({ ctx, input: { title: "Game day", severityId: 1, kind: "drill", summary: "", serviceIds: [], isPrivate: false } });
  return createAlertSource({ ctx, input: { name: "Generic", kind: "generic" } });
}

let database: AppDatabase<Awaited<ReturnType<typeof seed>>>;
let app: AppProcess;
let prometheus: Prometheus | undefined;
beforeAll(async () => {
  requirePrometheus();
  database = await prepareAppDatabase(seed);
  app = await startApp({ ...database.env, METRICS_TOKEN });
}, 120_000);
afterAll(async () => {
  await prometheus?.stop();
  await stopAllApps();
  await database?.close();
});

const scrape = (headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${app.port}/metrics`, { headers });

describe("GET /metrics", () => {
  it("refuses a request without the token, or with another, saying how to send it", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer wrong-token-0123456789abcdef" }, { authorization: `Basic ${METRICS_TOKEN}` }];
    for (const headers of attempts) {
      const response = await scrape(headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      expect(await response.text()).toContain("Authorization: Bearer");
    }
  });

  it("shows open incidents by severity, alerts received by outcome and HTTP requests by route, in a format promtool accepts", async () => {
    const { source, token } = database.seeded;
    const posted = await fetch(`http://127.0.0.1:${app.port}/api/alerts/${source.id}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "Disk almost full", status: "firing", metadata: { severity: "info" } }),
    });
    expect(posted.status).toBe(202);
    expect((await fetch(`http://127.0.0.1:${app.port}/api/alerts/${source.id}`, { method: "POST", body: "{}" })).status).toBe(401);

    const response = await scrape({ authorization: `Bearer ${METRICS_TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await response.text();
    // The drill is left out; the severities without incidents show 0.
    expect(body).toContain('daytwo_open_incidents{severity="SEV1"} 1');
    expect(body).toContain('daytwo_open_incidents{severity="SEV4"} 0');
    expect(body).toContain(`daytwo_alerts_received_total{source_id="${source.id}",kind="generic",outcome="created"} 1`);
    expect(body).toContain(`daytwo_alerts_received_total{source_id="${source.id}",kind="generic",outcome="unauthorized"} 1`);
    expect(body).toMatch(/daytwo_http_request_duration_seconds_count\{method="POST",route="\/api\/alerts\/:id",status="202"\} 1\n/);
    expect(body).toMatch(/daytwo_job_queue_depth\{queue="email-outbox"\} \d+/);
    expect(body).toContain('daytwo_job_queue_depth{queue="notification-deliveries"} 0');
    expect(body).toContain("daytwo_live_streams 0");
    expect(body).toContain("daytwo_collab_connections 0");
    expect(body).toMatch(/process_cpu_seconds_total \d/);
    // No raw path or id ever becomes a label value of the HTTP histogram.
    expect(body).not.toMatch(/route="[^"]*[0-9a-f]{8}-[0-9a-f]{4}-/);

    // promtool's lint: it parses the whole page, and finds nothing wrong with Daytwo's own metrics
    // (it does flag three of prom-client's default gauges, named *_total, which are not ours to rename).
    const lint = spawnSync(PROMTOOL_BIN, ["check", "metrics"], { input: body, encoding: "utf8" });
    const problems = `${lint.stdout}${lint.stderr}`.split("\n").filter((line) => line.trim() !== "");
    expect(problems.filter((line) => !/^nodejs_active_(handles|requests|resources)_total non-counter/.test(line))).toEqual([]);
  });

  it("is scraped by a real Prometheus, which sees the open incident", async () => {
    prometheus = await startPrometheus({ port: app.port, token: METRICS_TOKEN });
    await vi.waitFor(
      async () => {
        expect(await prometheus!.value('up{job="daytwo"}')).toBe("1");
        expect(await prometheus!.value('daytwo_open_incidents{severity="SEV1"}')).toBe("1");
      },
      { timeout: 20_000, interval: 250 },
    );
  }, 40_000);
});

describe("the metrics page when METRICS_TOKEN is not set", () => {
  it("does not exist (404), whatever is sent", async () => {
    const server = http.createServer((req, res) => handleMetricsRequest(req, res, undefined)).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("METRICS_TOKEN");
    } finally {
      server.close();
    }
  });
});
