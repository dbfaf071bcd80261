// The alert ingestion workload and the load loop that drives it: N requests always in flight over
// keep-alive sockets, each one POST of 1 (generic JSON) or k (Alertmanager v4) alerts, ~90 % of them
// repeats of an alert already firing and ~10 % new. A 202 means stored (ingestion commits before it
// answers), so POST→202 is the POST-to-stored latency.
import http from "node:http";
import { percentile } from "./fanout-load";

export type AlertFormat = "generic" | "alertmanager";
export type Variant = { key: string; label: string; format: AlertFormat; alertsPerPost: number };

export const VARIANTS: Variant[] = [
  { key: "single", label: "1 alert per POST (generic JSON)", format: "generic", alertsPerPost: 1 },
  { key: "batch10", label: "10 alerts per POST (Alertmanager v4)", format: "alertmanager", alertsPerPost: 10 },
];

export type Target = { port: number; sourceId: string; token: string };

export type LoadFigures = {
  seconds: number;
  posts: number;
  alerts: number;
  alertsPerSecond: number;
  postsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  firstError?: string;
  /** Share of the alerts sent that were new fingerprints (the rest repeat a firing one). */
  newShare: number;
  /** Share of the stored alerts the server answered as created (not a repeat): should match newShare. */
  createdShare: number;
};

// Names a small team's Prometheus really alerts on; severities mostly warning and info, few critical.
const SERVICES = ["checkout", "payments", "search", "auth", "inventory", "notifications"];
const ALERTNAMES = ["HighLatency", "HighErrorRate", "PodCrashLooping", "DiskFillingUp", "QueueBacklog", "CertificateExpiring"];
const SEVERITIES: [string, number][] = [
  ["info", 0.35],
  ["warning", 0.55],
  ["critical", 0.1],
];
export const NEW_SHARE = 0.1;
const FIRED_AT = "2026-12-01T10:00:00Z";

/** A seeded generator, so every run sends the same label mix. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Alert = { fingerprint: string; labels: Record<string, string>; summary: string };

function alertFor(fingerprint: string, roll: () => number): Alert {
  const pick = <T>(list: T[]) => list[Math.floor(roll() * list.length)]!;
  const r = roll();
  let severity = "info";
  for (let acc = 0, i = 0; i < SEVERITIES.length; i++) {
    acc += SEVERITIES[i]![1];
    if (r < acc) {
      severity = SEVERITIES[i]![0];
      break;
    }
  }
  const service = pick(SERVICES);
  const alertname = pick(ALERTNAMES);
  const labels = { alertname, service, severity, namespace: "prod", instance: `${service}-${fingerprint.slice(-6)}:9090`, job: service };
  return { fingerprint, labels, summary: `${alertname} on ${service}` };
}

/**
 * The alerts one source sees: a fixed pool that is fired once before the timed runs (the repeats),
 * and an endless supply of fingerprints never sent before (the new ones).
 */
export class Workload {
  readonly pool: Alert[];
  private readonly roll: () => number;
  private next = 0;
  newSent = 0;
  sent = 0;

  constructor(
    private readonly tag: string,
    poolSize: number,
    seed = 1,
    // Another prefix for the new ones, so a second driver on the same source never repeats the first's.
    private readonly newTag = tag,
  ) {
    this.roll = random(seed);
    this.pool = Array.from({ length: poolSize }, (_, i) => alertFor(`${tag}-pool-${String(i).padStart(6, "0")}`, this.roll));
  }

  pick(): Alert {
    this.sent++;
    if (this.roll() < NEW_SHARE) {
      this.newSent++;
      return alertFor(`${this.newTag}-new-${String(this.next++).padStart(8, "0")}`, this.roll);
    }
    return this.pool[Math.floor(this.roll() * this.pool.length)]!;
  }

  resetCounts() {
    this.sent = 0;
    this.newSent = 0;
  }
}

export function body(format: AlertFormat, alerts: Alert[]): string {
  if (format === "generic") {
    const [alert] = alerts;
    if (!alert || alerts.length !== 1) throw new Error("the generic format carries one alert per POST");
    return JSON.stringify({
      title: alert.summary,
      status: "firing",
      deduplication_key: alert.fingerprint,
      description: `${alert.summary}: above threshold for 5 minutes`,
      metadata: alert.labels,
      source_url: "http://prometheus.example/graph",
    });
  }
  return JSON.stringify({
    version: "4",
    groupKey: '{}:{namespace="prod"}',
    status: "firing",
    receiver: "daytwo",
    groupLabels: { namespace: "prod" },
    commonLabels: { namespace: "prod" },
    commonAnnotations: {},
    externalURL: "http://alertmanager.example",
    truncatedAlerts: 0,
    alerts: alerts.map((alert) => ({
      status: "firing",
      labels: alert.labels,
      annotations: { summary: alert.summary, description: `${alert.summary}: above threshold for 5 minutes` },
      startsAt: FIRED_AT,
      endsAt: "0001-01-01T00:00:00Z",
      generatorURL: "http://prometheus.example/graph?g0.expr=up",
      fingerprint: alert.fingerprint,
    })),
  });
}

type Answer = { status: number; ms: number; text: string };

function post(agent: http.Agent, target: Target, payload: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(
      {
        agent,
        host: "127.0.0.1",
        port: target.port,
        method: "POST",
        path: `/api/alerts/${target.sourceId}`,
        headers: { authorization: `Bearer ${target.token}`, "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
        timeout: 60_000,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, text }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("no answer in 60 s")));
    request.on("error", reject);
    request.end(payload);
  });
}

/** Fires every pool alert once (several per POST where the format allows), so the timed runs' repeats meet a firing alert. */
export async function firePool(target: Target, variant: Variant, workload: Workload, concurrency: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const perPost = variant.format === "generic" ? 1 : 50;
  const batches: Alert[][] = [];
  for (let i = 0; i < workload.pool.length; i += perPost) batches.push(workload.pool.slice(i, i + perPost));
  let index = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let batch = batches[index++]; batch; batch = batches[index++]) {
          const answer = await post(agent, target, body(variant.format, batch));
          if (answer.status !== 202) throw new Error(`firing the pool: HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
}

/**
 * Keeps `concurrency` POSTs in flight for `seconds`. Every request started in the window is waited
 * for and counted (none is dropped at the deadline), and the rate divides by the time until the last
 * of them answered.
 */
export async function runLoad(target: Target, variant: Variant, workload: Workload, concurrency: number, seconds: number): Promise<LoadFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let alerts = 0;
  let created = 0;
  let errors = 0;
  let firstError: string | undefined;
  workload.resetCounts();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const batch = Array.from({ length: variant.alertsPerPost }, () => workload.pick());
          try {
            const answer = await post(agent, target, body(variant.format, batch));
            if (answer.status === 202) {
              latencies.push(answer.ms);
              alerts += batch.length;
              created += (JSON.parse(answer.text) as { created?: number }).created ?? 0;
              continue;
            }
            firstError ??= `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`;
          } catch (error) {
            firstError ??= error instanceof Error ? error.message : String(error);
          }
          errors++;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const elapsed = (performance.now() - started) / 1000;
  return {
    seconds: elapsed,
    posts: latencies.length,
    alerts,
    alertsPerSecond: alerts / elapsed,
    postsPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.reduce((max, value) => Math.max(max, value), 0),
    errors,
    ...(firstError ? { firstError } : {}),
    newShare: workload.sent ? workload.newSent / workload.sent : 0,
    createdShare: alerts ? created / alerts : 0,
  };
}
