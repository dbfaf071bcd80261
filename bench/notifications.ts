// Notifications out (issue 14): one incident change fanned out to 100 signed webhook endpoints on
// loopback — the time until every endpoint has it (target ≤ 5 s) — and sustained deliveries per second
// while changes keep coming (target ≥ 200/s), on PostgreSQL and PGlite, medians of several runs.
// The app's own channel worker (server/channels/worker.ts) runs here in-process against a fresh
// database, exactly as it runs beside the web server; receivers are real HTTP servers on loopback.
//   NOTIFY_ENDPOINTS (100)  NOTIFY_RUNS (3)  NOTIFY_CHANGES (10 changes per sustained run)
//   NOTIFY_ENGINES ("postgres,pglite"; PostgreSQL needs DATABASE_URL)
// Alone: `npm run bench -- notifications`.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import pg from "pg";
import { type Database, openDatabase, setDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { notificationChannels, workspace } from "@/db/schema";
import { seal } from "@/server/crypto/secret-box";
import { generateWebhookSecret } from "@/server/channels/signing";
import { startChannelWorker } from "@/server/channels/worker";
import type { ServiceContext } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { postStatusUpdate } from "@/server/incidents/post-status-update";
import { contextFor, createActor } from "@/test/actors";

type Engine = "PostgreSQL" | "PGlite";
export type NotificationBenchOptions = { databaseUrl?: string; engines: Engine[]; endpoints: number; runs: number; changes: number };
type EngineFigures = { engine: Engine; fanOutSeconds: number[]; perSecond: number[]; error?: string };

const TARGET_SECONDS = 5;
const TARGET_PER_SECOND = 200;

function positive(name: string, raw: string | undefined, fallback: number): number {
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

export function notificationOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationBenchOptions {
  const engines = (env.NOTIFY_ENGINES ?? "postgres,pglite").split(",").map((part) => part.trim().toLowerCase());
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    engines: [...(engines.includes("postgres") ? (["PostgreSQL"] as const) : []), ...(engines.includes("pglite") ? (["PGlite"] as const) : [])],
    endpoints: positive("NOTIFY_ENDPOINTS", env.NOTIFY_ENDPOINTS, 100),
    runs: positive("NOTIFY_RUNS", env.NOTIFY_RUNS, 3),
    changes: positive("NOTIFY_CHANGES", env.NOTIFY_CHANGES, 10),
  };
}

/** Receivers that answer 200 at once and count each webhook-id once, with a wait for a total. */
async function startReceivers(count: number) {
  const seen = new Set<string>();
  let waiter: { total: number; resolve: () => void } | null = null;
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = http.createServer((req, res) => {
        req.resume();
        req.on("end", () => {
          seen.add(String(req.headers["webhook-id"]));
          res.writeHead(200).end("ok");
          if (waiter && seen.size >= waiter.total) waiter.resolve();
        });
      });
      // Ephemeral ports: 100 receivers do not fit a test port range, and nothing else needs to find them.
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return server;
    }),
  );
  return {
    urls: servers.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`),
    seen,
    until: (total: number, timeoutMs: number) =>
      new Promise<void>((resolve, reject) => {
        if (seen.size >= total) return resolve();
        const timer = setTimeout(() => reject(new Error(`only ${seen.size} of ${total} deliveries after ${timeoutMs / 1000} s`)), timeoutMs);
        waiter = {
          total,
          resolve: () => {
            clearTimeout(timer);
            waiter = null;
            resolve();
          },
        };
      }),
    close: () => Promise.all(servers.map((server) => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))))),
  };
}

async function measure(database: Database, options: NotificationBenchOptions, log: (line: string) => void): Promise<Omit<EngineFigures, "engine">> {
  const receivers = await startReceivers(options.endpoints);
  const worker = await startChannelWorker({ database, mailer: null });
  try {
    const { db } = database;
    await db
      .update(workspace)
      .set({ outboundAllowHosts: ["127.0.0.1"] })
      .where(eq(workspace.id, 1));
    await db.insert(notificationChannels).values(
      receivers.urls.map((url, index) => ({
        name: `Bench ${index + 1}`,
        kind: "webhook" as const,
        targetSealed: seal(url),
        targetHint: "127.0.0.1/…",
        secretSealed: seal(generateWebhookSecret(randomBytes(24))),
        eventTypes: ["incident.declared" as const, "incident.status_update_posted" as const],
      })),
    );
    const ctx: ServiceContext = contextFor(db, await createActor(db, "admin"));
    const declare = (title: string) => declareIncident({ ctx, input: { title, severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    // Warm-up: one change end to end, so connections and code are hot.
    await declare("Warm-up");
    await receivers.until(options.endpoints, 60_000);

    const fanOutSeconds: number[] = [];
    const perSecond: number[] = [];
    for (let run = 1; run <= options.runs; run++) {
      let expected = receivers.seen.size + options.endpoints;
      let started = performance.now();
      const { id } = await declare(`Fan-out ${run}`);
      await receivers.until(expected, 60_000);
      fanOutSeconds.push((performance.now() - started) / 1000);

      // Sustained: changes one after another as fast as the app takes them, until all are delivered.
      expected = receivers.seen.size + options.changes * options.endpoints;
      started = performance.now();
      for (let change = 1; change <= options.changes; change++) await postStatusUpdate({ ctx, input: { incidentId: id, body: `Update ${change} of run ${run}` } });
      await receivers.until(expected, 120_000);
      perSecond.push((options.changes * options.endpoints) / ((performance.now() - started) / 1000));
      log(`    run ${run}: one change to ${options.endpoints} endpoints in ${fanOutSeconds.at(-1)!.toFixed(2)} s; ${options.changes} changes at ${perSecond.at(-1)!.toFixed(0)} deliveries/s`);
    }
    return { fanOutSeconds, perSecond };
  } finally {
    await worker.stop();
    await receivers.close();
  }
}

async function onEngine(engine: Engine, options: NotificationBenchOptions, log: (line: string) => void): Promise<EngineFigures> {
  log(`  ${engine}…`);
  if (engine === "PostgreSQL") {
    if (!options.databaseUrl) return { engine, fanOutSeconds: [], perSecond: [], error: "set DATABASE_URL to measure PostgreSQL" };
    const name = `daytwo_bench_notify_${process.pid}`;
    const admin = new pg.Client({ connectionString: Object.assign(new URL(options.databaseUrl), { pathname: "/postgres" }).toString() });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const database = await openDatabase({ engine: "postgres", url: Object.assign(new URL(options.databaseUrl), { pathname: `/${name}` }).toString() });
    try {
      setDatabase(Promise.resolve(database));
      await migrateDatabase(database);
      return { engine, ...(await measure(database, options, log)) };
    } finally {
      await database.close();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-bench-notify-"));
  const database = await openDatabase({ engine: "pglite", dir: path.join(dir, "pglite") });
  try {
    setDatabase(Promise.resolve(database));
    await migrateDatabase(database);
    return { engine, ...(await measure(database, options, log)) };
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function runNotificationBenchmarks(options: NotificationBenchOptions, log: (line: string) => void = console.log): Promise<string> {
  // Channel URLs and secrets are sealed with a key derived from AUTH_SECRET.
  process.env.AUTH_SECRET ??= "daytwo-bench-secret-0123456789abcdefghij";
  log(`\nNotifications out: ${options.endpoints} webhook endpoints, ${options.runs} runs`);
  const results: EngineFigures[] = [];
  for (const engine of options.engines) {
    try {
      results.push(await onEngine(engine, options, log));
    } catch (error) {
      results.push({ engine, fanOutSeconds: [], perSecond: [], error: error instanceof Error ? error.message : String(error) });
    }
  }
  const lines = [
    `\nNotifications out (${options.endpoints} endpoints; median of ${options.runs} runs; targets: all delivered ≤ ${TARGET_SECONDS} s, ≥ ${TARGET_PER_SECOND} deliveries/s)`,
    "| engine | one change → all delivered (s) | sustained deliveries/s | targets |",
    "| --- | ---: | ---: | --- |",
  ];
  for (const result of results) {
    if (result.error) {
      lines.push(`| ${result.engine} | — | — | ${result.error} |`);
      continue;
    }
    const seconds = median(result.fanOutSeconds);
    const rate = median(result.perSecond);
    const met =
      seconds <= TARGET_SECONDS && rate >= TARGET_PER_SECOND
        ? "met"
        : `MISSED (${seconds > TARGET_SECONDS ? "fan-out" : ""}${seconds > TARGET_SECONDS && rate < TARGET_PER_SECOND ? ", " : ""}${rate < TARGET_PER_SECOND ? "rate" : ""})`;
    lines.push(`| ${result.engine} | ${seconds.toFixed(2)} | ${rate.toFixed(0)} | ${met} |`);
  }
  return lines.join("\n");
}
