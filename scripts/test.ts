// npm test: typecheck, lint, unit + integration, then e2e against a production build.
// `--only integration`, `--only e2e` or `--only integration,e2e` runs just those stages. Each stage's
// counts land in .test-results/.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { formatReasons, readTestReports } from "./test-report";

// `--engine-journeys`: only the browser journeys tagged @engine, those whose path differs between
// PostgreSQL and PGlite (first start, live feed, co-editing, queues, search, sessions). CI runs every
// journey on PostgreSQL and these on PGlite: the rest is the same UI over the same SQL.
const engineJourneysOnly = process.argv.includes("--engine-journeys");
const only = process.argv.includes("--only") ? (process.argv[process.argv.indexOf("--only") + 1] ?? "").split(",") : undefined;
const resultsDir = path.resolve(".test-results");
fs.mkdirSync(resultsDir, { recursive: true });
const engine = process.env.DATABASE_URL ? "postgres" : "pglite";
const failures: string[] = [];

/** Runs one stage. `report` names its JSON report, whose failures are repeated right after a failed
 * stage: a CI log excerpt around "✘" then shows why, not only the tail of the reporter's output. */
function step(name: string, command: string, args: string[], options: SpawnSyncOptions = {}, report?: string): boolean {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  const ok = result.status === 0;
  if (!ok && report) {
    const { reasons } = readTestReports(resultsDir, (file) => file === path.basename(report));
    if (reasons.length) console.log(formatReasons(reasons));
  }
  console.log(`${ok ? "✔" : "✘"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
}

const bin = (name: string) => path.resolve("node_modules/.bin", name);

function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? null;
}

async function withE2eDatabase(run: (env: Record<string, string>) => boolean): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // A fresh embedded database: the server migrates and seeds it itself, as on a first `npm start`.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-e2e-"));
    try {
      run({ DATA_DIR: dataDir });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    return;
  }
  const name = `daytwo_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  const e2eUrl = Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-e2e-"));
  try {
    const env = { DATABASE_URL: e2eUrl, DATA_DIR: dataDir };
    if (step("e2e: seed the demo workspace on PostgreSQL", bin("tsx"), ["server/workspace/seed/cli.ts"], { env: { ...process.env, ...env } })) run(env);
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// Built once, before the integration stage: some integration tests start the real server
// (crash recovery, two instances), which serves the production build; e2e reuses it.
let built: boolean | undefined;
const build = () => (built ??= step("build (next build)", bin("next"), ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } }));

async function main() {
  const started = Date.now();
  if (!only) {
    step("typecheck", bin("tsc"), ["--noEmit"]);
    step("lint", bin("eslint"), ["--max-warnings", "0", "."]);
    step("format (biome check)", bin("biome"), ["check", "."]);
  }
  if (!only || only.includes("integration")) {
    const output = path.join(resultsDir, `vitest-${engine}.json`);
    build();
    step(`unit + integration (${engine})`, bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${output}`], {}, output);
  }
  if (!only || only.includes("e2e")) {
    const chromium = chromiumPath();
    const output = path.join(resultsDir, `e2e-${engine}.json`);
    fs.rmSync(output, { force: true });
    if (!chromium) {
      console.log("\n⚠ e2e SKIPPED: no Chromium at CHROMIUM_PATH or /usr/bin/chromium. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.");
      fs.writeFileSync(path.join(resultsDir, "e2e-skipped.txt"), "no Chromium found\n");
    } else if (build()) {
      await withE2eDatabase((env) =>
        step(
          `e2e (${engine}${engineJourneysOnly ? ", @engine journeys" : ""}, Chromium ${chromium})`,
          bin("playwright"),
          engineJourneysOnly ? ["test", "--grep", "@engine"] : ["test"],
          {
            env: { ...process.env, ...env, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: output },
          },
          output,
        ),
      );
    }
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (failures.length) {
    console.error(`\nFAILED after ${minutes} min: ${failures.join(", ")}`);
    process.exit(1);
  }
  console.log(`\nAll green in ${minutes} min.`);
}

await main();
