// Incident benchmarks on PostgreSQL: per size, a fresh seeded database and a running app, the HTTP
// scenarios against it, then a table of figures and the issue's two targets.
import fs from "node:fs";
import pg from "pg";
import { median, runScenarios, type ScenarioResult } from "./http-scenarios";
import type { Figures } from "./raw-sql";
import { seedIncidents, type SeedReport } from "./seed-incidents";
import { startServer, tempDataDir } from "./startup";

export type SizeRun = { size: number; seed: SeedReport; results: ScenarioResult[] };

// BENCH_INCIDENT_PORT moves it off 3210 when several checkouts bench on one machine.
const PORT = Number(process.env.BENCH_INCIDENT_PORT ?? 3210);
// Fixed so every run signs the same way; 40 characters satisfies the ≥ 32 check in env-shape.ts.
const AUTH_SECRET = "daytwo-bench-secret-0123456789abcdefghij";
const SCALE_LIMIT = 1.5;

export function parseSizes(raw: string | undefined): number[] {
  if (!raw) return [1_000, 100_000];
  const sizes = raw.split(",").map((part) => Number(part.trim().replaceAll("_", "")));
  if (sizes.some((size) => !Number.isSafeInteger(size) || size < 2)) throw new Error(`BENCH_SIZES must be integers ≥ 2 separated by commas, got "${raw}"`);
  return sizes;
}

/** BENCH_ROUNDS: how many alternating API/SQL slices each side's BENCH_SECONDS is split into. */
export function parseRounds(raw: string | undefined): number {
  const rounds = raw ? Number(raw) : 3;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`BENCH_ROUNDS must be a whole number ≥ 1, got "${raw}"`);
  return rounds;
}

export function parseSeconds(raw: string | undefined): number {
  const seconds = raw ? Number(raw) : 10;
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`BENCH_SECONDS must be a positive number, got "${raw}"`);
  return seconds;
}

const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
export const sizeLabel = (size: number) => (size % 1000 === 0 ? `${size / 1000}k` : String(size));

/** Seeds, serves and measures one size; the database is dropped whatever happens. */
async function runSize(url: string, size: number, seconds: number, rounds: number, log: (line: string) => void): Promise<SizeRun> {
  const name = `daytwo_bench_${size}_${process.pid}`;
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    const benchUrl = withDatabase(url, name);
    try {
      log(`\n${sizeLabel(size)} incidents: seeding ${name}…`);
      const seed = await seedIncidents(benchUrl, size);
      log(`  seeded ${seed.incidents} incidents, ${seed.events} events in ${seed.seconds.toFixed(1)} s (${seed.phases.map((p) => `${p.label} ${p.seconds.toFixed(1)} s`).join(", ")})`);
      const dataDir = tempDataDir();
      const server = await startServer(`incident bench ${sizeLabel(size)}`, { DATABASE_URL: benchUrl, DATA_DIR: dataDir, AUTH_SECRET, LOG_LEVEL: "warn", DEMO_SEED: "never" }, PORT);
      try {
        log(`  app ready in ${server.readySeconds.toFixed(1)} s`);
        const only = process.env.BENCH_SCENARIOS?.split(",").map((key) => key.trim());
        const results = await runScenarios({
          baseUrl: `http://127.0.0.1:${PORT}`,
          databaseUrl: benchUrl,
          bigIncidentId: seed.bigIncidentId,
          seconds,
          rounds,
          log,
          serverOutput: server.output,
          serverGroup: server.pid,
          only,
        });
        return { size, seed, results };
      } finally {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
    }
  } finally {
    await admin.end();
  }
}

export async function runIncidentBenchmarks(url: string, sizes: number[], seconds: number, rounds: number, log: (line: string) => void = console.log): Promise<SizeRun[]> {
  const runs: SizeRun[] = [];
  for (const size of sizes) runs.push(await runSize(url, size, seconds, rounds, log));
  return runs;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const rps = (value: number) => value.toFixed(0);
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

/**
 * autocannon stops at the deadline and drops requests still in flight, so when latencies approach
 * the run length the slowest requests are never recorded and p50/p99 read low.
 */
const tooShort = (figures: Figures, seconds: number) => figures.p99 >= 0.5 * seconds * 1000;

function apiCells(result: ScenarioResult, seconds: number): string[] {
  if (!result.api) return [`error: ${result.apiError ?? "unknown"}`.replaceAll("|", "/"), "–", "–"];
  const errors = result.api.errors ? ` (${result.api.errors} errors)` : "";
  const mark = tooShort(result.api, seconds) ? " †" : "";
  return [ms(result.api.p50) + mark, ms(result.api.p99) + mark, rps(result.api.rps) + errors];
}

/** CPU per answered request: the app's (every process of the server) and the raw side's `pg` client's. */
function cpuCell(result: ScenarioResult): string {
  const perRequest = (figures: Figures | null) => (figures?.cpuMicros != null && figures.count ? figures.cpuMicros / figures.count : null);
  const api = perRequest(result.api);
  const sql = perRequest(result.sql);
  return api !== null && sql !== null ? `${Math.round(api)} / ${Math.round(sql)} (${(api / sql).toFixed(2)}×)` : "–";
}

const sqlCells = (sql: Figures) => [ms(sql.p50), ms(sql.p99), rps(sql.rps) + (sql.errors ? ` (${sql.errors} errors)` : "")];

/** One markdown table: every figure, plus both targets per scenario (the scale check on the largest size's rows). */
export function formatIncidentReport(runs: SizeRun[], seconds: number, rounds: number): string {
  const slice = seconds / rounds;
  const lines: string[] = [];
  const smallest = runs.reduce<SizeRun | undefined>((min, run) => (!min || run.size < min.size ? run : min), undefined);
  const largest = runs.reduce<SizeRun | undefined>((max, run) => (!max || run.size > max.size ? run : max), undefined);
  const scaleHeader = smallest && largest && smallest !== largest ? `p50 at ${sizeLabel(largest.size)} ≤ ${SCALE_LIMIT}× p50 at ${sizeLabel(smallest.size)}` : `p50 scale check (needs two sizes)`;

  lines.push(
    `\nIncidents over HTTP (autocannon, 32 connections; the UI's tRPC with a session cookie, REST /api/v1 with an API token) vs the same SQL through pg (32 workers, pool of 10 like the app), in ${rounds} alternating rounds of ${slice.toFixed(1)} s per side: figures are medians of the rounds, the ratio the median of each round's API p50 ÷ SQL p50 (range in brackets). CPU per request: every process of the app server over the API slices, and this process's pg client over the SQL slices, per answered request; it moves less with the host's drift than latency does, and PostgreSQL's own CPU is in neither`,
  );
  for (const run of runs) {
    lines.push(`- ${sizeLabel(run.size)}: ${run.seed.incidents} incidents, ${run.seed.events} events, seeded in ${run.seed.seconds.toFixed(1)} s`);
  }
  lines.push("");
  lines.push(
    `| scenario | incidents | API p50 (ms) | API p99 (ms) | API req/s | SQL p50 (ms) | SQL p99 (ms) | SQL req/s | API / SQL p50 | API p50 ≤ target × raw SQL | CPU µs per request, app / SQL client | ${scaleHeader} |`,
  );
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |");
  for (const run of runs) {
    for (const result of run.results) {
      const ratio = result.ratios.length ? median(result.ratios) : Number.NaN;
      const range = result.ratios.length > 1 ? ` (${Math.min(...result.ratios).toFixed(2)}–${Math.max(...result.ratios).toFixed(2)})` : "";
      const vsSql = result.api ? `${verdict(ratio <= result.limit)} (≤ ${result.limit}×)` : "n/a (API error)";
      let scale = "";
      if (run === largest && smallest && smallest !== largest) {
        const base = smallest.results.find((r) => r.key === result.key);
        scale =
          result.api && base?.api
            ? `${verdict(result.api.p50 <= SCALE_LIMIT * base.api.p50)} (API ${(result.api.p50 / base.api.p50).toFixed(2)}×, SQL ${(result.sql.p50 / base.sql.p50).toFixed(2)}×)`
            : "n/a (API error)";
      }
      lines.push(
        `| ${result.label} | ${sizeLabel(run.size)} | ${apiCells(result, slice).join(" | ")} | ${sqlCells(result.sql).join(" | ")} | ${Number.isNaN(ratio) ? "–" : `${ratio.toFixed(2)}×${range}`} | ${vsSql} | ${cpuCell(result)} | ${scale} |`,
      );
    }
  }
  if (runs.some((run) => run.results.some((result) => result.api && tooShort(result.api, slice)))) {
    lines.push(`\n† p99 is at least half the ${slice.toFixed(1)} s slice: autocannon drops the requests still in flight at the end, so these API latencies read low. Use a longer BENCH_SECONDS.`);
  }
  if (runs.some((run) => run.results.some((result) => result.apiError))) {
    lines.push(
      "\nAn API scenario that failed its pre-flight request is not benchmarked; its raw SQL row times the valid equivalent query, and the row after it is the same filter in the default order.",
    );
  }
  return lines.join("\n");
}
