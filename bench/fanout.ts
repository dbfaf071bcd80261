// Fan-out benchmark (issue 11): the real server, once on PostgreSQL (a fresh database, dropped after)
// and once on embedded PGlite (a fresh data folder), N live watchers on one incident while notes are
// written at each rate. Part of `npm run bench`; alone: `npx tsx bench/fanout.ts`.
//   FANOUT_SECONDS (60)  FANOUT_SUBSCRIBERS (200)  FANOUT_RATES ("5,50")
//   FANOUT_ENGINES ("postgres,pglite"; PostgreSQL needs DATABASE_URL)  TEST_PORTS (3500-3599)
//   FANOUT_OPEN ("together": all watchers at once, as after a deploy; "first-alone": one, then the
//   rest, which keeps the fan-out cost apart from issue 11's race between concurrent first LISTENs)
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { freePort } from "@/test/app-process";
import { formatFanoutReport, type EngineName, type EngineRun } from "./fanout-report";
import { runFanout, type RunFigures } from "./fanout-run";
import { probeOnce } from "./fanout-load";
import { DEMO_ADMIN, signIn } from "./http-scenarios";
import { startServer, tempDataDir, type RunningServer } from "./startup";

export type FanoutOptions = {
  databaseUrl?: string;
  engines: EngineName[];
  rates: number[];
  seconds: number;
  subscribers: number;
  openFirstAlone: boolean;
  log?: (line: string) => void;
};

// Fixed so every run signs the same way; 40 characters satisfies the ≥ 32 check in env-shape.ts.
const AUTH_SECRET = "daytwo-bench-secret-0123456789abcdefghij";
const RESPONDER = { email: "responder@example.com", password: DEMO_ADMIN.password };
// Fresh PGlite (create + migrate + demo seed) takes ~10 s on a quiet machine; a busy one is slower.
const READY_TIMEOUT_MS = 180_000;
const SEED_TIMEOUT_MS = 180_000;
const RECOVERY_WAIT_MS = 30_000;

function positive(name: string, raw: string | undefined, fallback: number): number {
  const value = raw ? Number(raw) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function parseOpen(raw: string | undefined): boolean {
  if (!raw || raw === "together") return false;
  if (raw === "first-alone") return true;
  throw new Error(`FANOUT_OPEN must be "together" or "first-alone", got "${raw}"`);
}

export function fanoutOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): FanoutOptions {
  const rates = (env.FANOUT_RATES ?? "5,50").split(",").map((part) => positive("FANOUT_RATES", part.trim(), 5));
  const engines = (env.FANOUT_ENGINES ?? "postgres,pglite").split(",").map((part) => part.trim().toLowerCase());
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    engines: [...(engines.includes("postgres") ? (["PostgreSQL"] as const) : []), ...(engines.includes("pglite") ? (["PGlite"] as const) : [])],
    rates,
    seconds: positive("FANOUT_SECONDS", env.FANOUT_SECONDS, 60),
    subscribers: Math.round(positive("FANOUT_SUBSCRIBERS", env.FANOUT_SUBSCRIBERS, 200)),
    openFirstAlone: parseOpen(env.FANOUT_OPEN),
  };
}

const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

/** Migrates and seeds the demo workspace (with its responder) as `npm run db:seed` does. */
export async function seedPostgres(url: string): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/workspace/seed/cli.ts"], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), SEED_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`seeding ${url} failed (${code ?? "killed after timeout"}):\n${output.slice(-2000)}`);
}

/** Each rate on one running server; after a run that left the app stuck, the later rates are not run. */
async function runRates(engine: EngineName, server: RunningServer, baseUrl: string, options: FanoutOptions, log: (line: string) => void): Promise<EngineRun> {
  const result: EngineRun = { engine, runs: [], notRun: [] };
  const cookie = await signIn(baseUrl, RESPONDER);
  for (const [position, rate] of options.rates.entries()) {
    let run: RunFigures;
    try {
      run = await runFanout({ baseUrl, cookie, serverPid: server.pid, rate, seconds: options.seconds, subscribers: options.subscribers, openFirstAlone: options.openFirstAlone, log });
    } catch (error) {
      result.notRun.push({ rate, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    result.runs.push(run);
    const later = options.rates.slice(position + 1);
    if (later.length === 0) break;
    // Let the server finish what the last run left behind, so it does not load the next one.
    const waitUntil = Date.now() + RECOVERY_WAIT_MS;
    let answers = false;
    while (!answers && Date.now() < waitUntil) answers = await probeOnce(baseUrl, cookie);
    if (!answers) {
      for (const skipped of later) result.notRun.push({ rate: skipped, reason: `the app was still not answering ${RECOVERY_WAIT_MS / 1000} s after the ${rate}/s run` });
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  return result;
}

async function runEngine(engine: EngineName, options: FanoutOptions, log: (line: string) => void): Promise<EngineRun> {
  const dataDir = tempDataDir();
  let dropDatabase = async () => {};
  try {
    const env: Record<string, string> = { DATA_DIR: dataDir, AUTH_SECRET, LOG_LEVEL: "warn", DATABASE_URL: "", PGLITE_DIR: path.join(dataDir, "pglite"), DEMO_SEED: "auto" };
    if (engine === "PostgreSQL") {
      const url = options.databaseUrl!;
      const name = `daytwo_fanout_${process.pid}`;
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
      log(`\nFan-out on PostgreSQL: seeding ${name}…`);
      await seedPostgres(env.DATABASE_URL);
    } else {
      log("\nFan-out on PGlite: fresh data folder (create, migrate and seed on first start)…");
    }
    const port = await freePort();
    const server = await startServer(`fan-out bench (${engine})`, env, port, READY_TIMEOUT_MS);
    log(`  app ready on port ${port} in ${server.readySeconds.toFixed(1)} s`);
    try {
      return await runRates(engine, server, `http://127.0.0.1:${port}`, options, log);
    } finally {
      await server.stop();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`  ${engine}: ${reason.split("\n")[0]}`);
    return { engine, runs: [], notRun: options.rates.map((rate) => ({ rate, reason })) };
  } finally {
    await dropDatabase().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs every engine asked for and returns the markdown report. */
export async function runFanoutBenchmarks(options: FanoutOptions): Promise<string> {
  const log = options.log ?? console.log;
  const loadAtStart = os.loadavg();
  const engines: EngineRun[] = [];
  for (const engine of options.engines) {
    if (engine === "PostgreSQL" && !options.databaseUrl) {
      log("\nFan-out on PostgreSQL needs DATABASE_URL, e.g. postgres://root@127.0.0.1:5432/postgres");
      engines.push({ engine, runs: [], notRun: options.rates.map((rate) => ({ rate, reason: "DATABASE_URL is not set" })) });
      continue;
    }
    engines.push(await runEngine(engine, options, log));
  }
  return formatFanoutReport(engines, { seconds: options.seconds, subscribers: options.subscribers, openFirstAlone: options.openFirstAlone, loadAtStart });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.error("The fan-out bench starts the real server, which needs a production build: run `npx next build` first.");
    process.exit(1);
  }
  console.log(await runFanoutBenchmarks(fanoutOptionsFromEnv()));
  // Stray keep-alive sockets and timers must not keep a finished bench alive.
  process.exit(0);
}
