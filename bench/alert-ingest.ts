// Alert ingestion benchmark: the real server on PostgreSQL (a fresh database, dropped after) and on
// embedded PGlite (a fresh data folder), alerts POSTed with a fixed number in flight, ~90 % repeats of
// a firing alert and ~10 % new. Sustained alerts/s and POST→202 (= stored) latency, the median of
// several runs. Part of `npm run bench`; alone: `npm run bench -- alerts` or `npx tsx bench/alert-ingest.ts`.
//   ALERTS_SECONDS (15)  ALERTS_RUNS (3)  ALERTS_CONCURRENCY (16)  ALERTS_POOL (1000 firing alerts per source)
//   ALERTS_ENGINES ("postgres,pglite"; PostgreSQL needs DATABASE_URL)  TEST_PORTS (3500-3599)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { freePort } from "@/test/app-process";
import { firePool, type LoadFigures, NEW_SHARE, runLoad, type Target, VARIANTS, type Variant, Workload } from "./alert-load";
import { type SqlCeiling, sqlCeilings } from "./alert-sql";
import { seedPostgres } from "./fanout";
import { sampleUsage, type Usage } from "./fanout-load";
import type { EngineName } from "./fanout-report";
import { DEMO_ADMIN, mutationBody, signIn } from "./http-scenarios";
import { startServer, tempDataDir } from "./startup";

export type AlertOptions = { databaseUrl?: string; engines: EngineName[]; seconds: number; runs: number; concurrency: number; pool: number; log?: (line: string) => void };
type Run = LoadFigures & { usage: Usage };
type VariantResult = { variant: Variant; runs: Run[]; target: Target };
type EngineResult = { engine: EngineName; results: VariantResult[]; sql?: SqlCeiling[]; error?: string };

const AUTH_SECRET = "daytwo-bench-secret-0123456789abcdefghij";
// The highest the source settings accept (server/alerts/sources/schemas.ts): ~16,700 requests/s, so the
// limit never answers 429 here, though its counter is still updated on every request.
const RATE_LIMIT_PER_MINUTE = 1_000_000;
const WARM_UP_SECONDS = 4;
const READY_TIMEOUT_MS = 180_000;
const SQL_SECONDS = 8;
const TARGET = { engine: "PostgreSQL" as EngineName, variant: "single", alertsPerSecond: 1_000, p99: 100 };

function positive(name: string, raw: string | undefined, fallback: number): number {
  const value = raw ? Number(raw) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

export function alertOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AlertOptions {
  const engines = (env.ALERTS_ENGINES ?? "postgres,pglite").split(",").map((part) => part.trim().toLowerCase());
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    engines: [...(engines.includes("postgres") ? (["PostgreSQL"] as const) : []), ...(engines.includes("pglite") ? (["PGlite"] as const) : [])],
    seconds: positive("ALERTS_SECONDS", env.ALERTS_SECONDS, 15),
    runs: Math.round(positive("ALERTS_RUNS", env.ALERTS_RUNS, 3)),
    concurrency: Math.round(positive("ALERTS_CONCURRENCY", env.ALERTS_CONCURRENCY, 16)),
    pool: Math.round(positive("ALERTS_POOL", env.ALERTS_POOL, 1000)),
  };
}

const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

/** A source made by an admin through alertSources.create, as the settings page does; its token is shown only here. */
async function createSource(port: number, cookie: string, variant: Variant): Promise<Target> {
  const response = await fetch(`http://127.0.0.1:${port}/api/trpc/alertSources.create`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: mutationBody({ name: `Bench ${variant.key}`, kind: variant.format, rateLimitPerMinute: RATE_LIMIT_PER_MINUTE }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`alertSources.create answered ${response.status}: ${text.slice(0, 300)}`);
  const { source, token } = (JSON.parse(text) as { result: { data: { source: { id: string }; token: string } } }).result.data;
  return { port, sourceId: source.id, token };
}

async function runVariant(port: number, cookie: string, serverPid: number, variant: Variant, options: AlertOptions, log: (line: string) => void): Promise<VariantResult> {
  const target = await createSource(port, cookie, variant);
  const workload = new Workload(variant.key, options.pool);
  log(`  ${variant.label}: firing the pool of ${options.pool} alerts, ${WARM_UP_SECONDS} s warm-up…`);
  await firePool(target, variant, workload, options.concurrency);
  await runLoad(target, variant, workload, options.concurrency, WARM_UP_SECONDS);
  const runs: Run[] = [];
  for (let i = 1; i <= options.runs; i++) {
    const usage = sampleUsage(serverPid);
    const figures = await runLoad(target, variant, workload, options.concurrency, options.seconds);
    runs.push({ ...figures, usage: usage.stop() });
    log(
      `    run ${i}: ${figures.alertsPerSecond.toFixed(0)} alerts/s, p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms, ${figures.errors} errors${figures.firstError ? ` (${figures.firstError})` : ""}`,
    );
  }
  return { variant, runs, target };
}

async function runEngine(engine: EngineName, options: AlertOptions, log: (line: string) => void): Promise<EngineResult> {
  const databaseName = `daytwo_alerts_${process.pid}`;
  const dataDir = tempDataDir();
  let dropDatabase = async () => {};
  try {
    const env: Record<string, string> = { DATA_DIR: dataDir, AUTH_SECRET, LOG_LEVEL: "warn", DATABASE_URL: "", PGLITE_DIR: path.join(dataDir, "pglite"), DEMO_SEED: "auto" };
    if (engine === "PostgreSQL") {
      const url = options.databaseUrl!;
      const name = databaseName;
      const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
      await admin.connect();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.query(`create database "${name}"`);
      dropDatabase = async () => {
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.end();
      };
      env.DATABASE_URL = withDatabase(url, name);
      env.DEMO_SEED = "never";
      log(`\nAlert ingestion on PostgreSQL: seeding ${name}…`);
      await seedPostgres(env.DATABASE_URL);
    } else {
      log("\nAlert ingestion on PGlite: fresh data folder (create, migrate and seed on first start)…");
    }
    const port = await freePort();
    const server = await startServer(`alert ingestion bench (${engine})`, env, port, READY_TIMEOUT_MS);
    log(`  app ready on port ${port} in ${server.readySeconds.toFixed(1)} s`);
    try {
      const cookie = await signIn(`http://127.0.0.1:${port}`, DEMO_ADMIN);
      const results: VariantResult[] = [];
      for (const variant of VARIANTS.filter((v) => !process.env.ALERTS_VARIANTS || process.env.ALERTS_VARIANTS.split(",").includes(v.key))) {
        try {
          results.push(await runVariant(port, cookie, server.pid, variant, options, log));
        } catch (error) {
          // What the server logged says why a request failed; the bench's own message only says that it did.
          const logged = server
            .output()
            .split("\n")
            .filter((line) => line.includes("alert ingestion failed"))
            .slice(-2)
            .join(" ");
          throw new Error(`${error instanceof Error ? error.message : String(error)}${logged ? ` — server log: ${logged.slice(0, 600)}` : ""}`);
        }
      }
      const single = results.find((result) => result.variant.key === "single");
      if (engine !== "PostgreSQL" || !single) return { engine, results };
      log(`  the ingestion code without HTTP, ${SQL_SECONDS} s each…`);
      const replay = new Workload("single", options.pool, 2, "single-sql");
      return { engine, results, sql: await sqlCeilings(options.databaseUrl ? withDatabase(options.databaseUrl, databaseName) : "", single.target.sourceId, replay, options.concurrency, SQL_SECONDS) };
    } finally {
      await server.stop();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`  ${engine}: ${reason.split("\n")[0]}`);
    return { engine, results: [], error: reason };
  } finally {
    await dropDatabase().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

function row(engine: EngineName, result: VariantResult): string {
  const of = (pick: (run: Run) => number) => median(result.runs.map(pick));
  const rates = result.runs.map((run) => run.alertsPerSecond);
  const errors = result.runs.reduce((sum, run) => sum + run.errors, 0);
  const firstError = result.runs.find((run) => run.firstError)?.firstError;
  const cells = [
    engine,
    result.variant.label,
    `${of((run) => run.alertsPerSecond).toFixed(0)} (${Math.min(...rates).toFixed(0)}–${Math.max(...rates).toFixed(0)})`,
    of((run) => run.postsPerSecond).toFixed(0),
    ms(of((run) => run.p50)),
    ms(of((run) => run.p95)),
    ms(of((run) => run.p99)),
    `${errors}${firstError ? ` (${firstError.replaceAll("|", "/").replaceAll("\n", " ").slice(0, 120)})` : ""}`,
    `${(of((run) => run.newShare) * 100).toFixed(1)} % / ${(of((run) => run.createdShare) * 100).toFixed(1)} %`,
    `${of((run) => run.usage.serverCpuPercent).toFixed(0)} % / ${of((run) => run.usage.benchCpuPercent).toFixed(0)} %`,
  ];
  return `| ${cells.join(" | ")} |`;
}

export function formatAlertReport(engines: EngineResult[], options: AlertOptions, loadAtStart: number[]): string {
  const lines: string[] = [];
  lines.push(
    `\nAlert ingestion: POST /api/alerts/<source>, ${options.concurrency} requests in flight (keep-alive), ${options.runs} × ${options.seconds} s per row after a ${WARM_UP_SECONDS} s warm-up`,
  );
  lines.push(
    `Workload: ${Math.round((1 - NEW_SHARE) * 100)} % of alerts repeat one of ${options.pool} already firing per source, ${Math.round(NEW_SHARE * 100)} % are new fingerprints; labels service × alertname × severity (35 % info, 55 % warning, 10 % critical).`,
  );
  lines.push(`Each source's rate limit is set to ${RATE_LIMIT_PER_MINUTE.toLocaleString("en")}/min (the most its settings allow), so no request is refused with 429; the limit's counter still runs.`);
  lines.push(
    `Machine: ${os.cpus().length} cores, load average ${loadAtStart.map((value) => value.toFixed(1)).join(" / ")} (1/5/15 min) at the start. The machine is shared and noisy, and the load generator, the app and PostgreSQL share its cores: these figures move between runs.`,
  );
  lines.push("Medians of the runs (each figure on its own); latency = POST sent → 202 received, and a 202 means committed. CPU as a share of one core.\n");
  lines.push("| engine | payload | alerts/s (range) | POSTs/s | p50 (ms) | p95 (ms) | p99 (ms) | errors (non-202) | new: sent / created | CPU app / bench |");
  lines.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
  for (const engine of engines) {
    for (const result of engine.results) lines.push(row(engine.engine, result));
    if (engine.error) lines.push(`| ${engine.engine} | not run: ${engine.error.replaceAll("|", "/").replaceAll("\n", " ").slice(0, 300)} | | | | | | | | |`);
  }
  for (const engine of engines) {
    if (!engine.sql) continue;
    lines.push(
      `\nWithout HTTP (${engine.engine}): the app's ingestion code called directly, 1 alert per call, same workload (pool like the app's, ${options.concurrency} workers, ${SQL_SECONDS} s each)\n`,
    );
    lines.push("| what runs | alerts/s | p50 (ms) | p99 (ms) | errors |\n| --- | ---: | ---: | ---: | ---: |");
    for (const { label, figures } of engine.sql) lines.push(`| ${label} | ${figures.rps.toFixed(0)} | ${ms(figures.p50)} | ${ms(figures.p99)} | ${figures.errors} |`);
  }
  const single = engines.find((engine) => engine.engine === TARGET.engine)?.results.find((result) => result.variant.key === TARGET.variant);
  lines.push(`\nTarget (PostgreSQL, 1 alert per POST): ≥ ${TARGET.alertsPerSecond.toLocaleString("en")} alerts/s and p99 ≤ ${TARGET.p99} ms`);
  if (!single) {
    lines.push("- not run");
  } else {
    const rate = median(single.runs.map((run) => run.alertsPerSecond));
    const p99 = median(single.runs.map((run) => run.p99));
    lines.push(`- alerts/s: ${rate.toFixed(0)} — ${rate >= TARGET.alertsPerSecond ? "PASS" : "FAIL"}`);
    lines.push(`- p99: ${ms(p99)} ms — ${p99 <= TARGET.p99 ? "PASS" : "FAIL"}`);
  }
  return lines.join("\n");
}

export async function runAlertBenchmarks(options: AlertOptions): Promise<string> {
  const log = options.log ?? console.log;
  const loadAtStart = os.loadavg();
  const engines: EngineResult[] = [];
  for (const engine of options.engines) {
    if (engine === "PostgreSQL" && !options.databaseUrl) {
      log("\nAlert ingestion on PostgreSQL needs DATABASE_URL, e.g. postgres://root@127.0.0.1:5432/postgres");
      engines.push({ engine, results: [], error: "DATABASE_URL is not set" });
      continue;
    }
    engines.push(await runEngine(engine, options, log));
  }
  return formatAlertReport(engines, options, loadAtStart);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.error("The alert ingestion bench starts the real server, which needs a production build: run `npx next build` first.");
    process.exit(1);
  }
  console.log(await runAlertBenchmarks(alertOptionsFromEnv()));
  process.exit(0);
}
