// npm run bench — prints the figures the issues ask for. Needs a production build (`npm run build`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { blamelessBench } from "./blameless";
import { fanoutOptionsFromEnv, runFanoutBenchmarks } from "./fanout";
import { postMortemBench } from "./post-mortem-bench";
import { formatIncidentReport, parseSeconds, parseSizes, runIncidentBenchmarks } from "./incident-bench";
import { measureStart, tempDataDir, type StartupFigures } from "./startup";

if (!fs.existsSync(".next/BUILD_ID")) {
  console.log("No production build: building first…");
  if (spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}

// Pure and quick: the blameless checker's precision and recall on the labelled corpus.
console.log(`\n${await blamelessBench()}`);

// The post-mortem editor (issue 4, "Fast"): first-load JS, time to editable, keystroke delay. Chromium needed.
console.log(`\n${await postMortemBench()}`);

const figures: StartupFigures[] = [];
const dataDir = tempDataDir();
figures.push(await measureStart("embedded, first start (create + migrate + seed)", { DATA_DIR: dataDir, DATABASE_URL: "" }, 3201));
figures.push(await measureStart("embedded, warm start", { DATA_DIR: dataDir, DATABASE_URL: "" }, 3201));
fs.rmSync(dataDir, { recursive: true, force: true });

const url = process.env.DATABASE_URL;
if (url) {
  const name = `daytwo_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const benchUrl = Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  try {
    const pgDataDir = tempDataDir();
    figures.push(await measureStart("PostgreSQL, first start (migrate)", { DATABASE_URL: benchUrl, DATA_DIR: pgDataDir }, 3202));
    figures.push(await measureStart("PostgreSQL, warm start", { DATABASE_URL: benchUrl, DATA_DIR: pgDataDir }, 3202));
    fs.rmSync(pgDataDir, { recursive: true, force: true });
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
} else {
  console.log("(set DATABASE_URL to also measure PostgreSQL)");
}

console.log("\nStart-up (production build present)");
console.log("| run | ready (s) | idle RSS (MB) |\n| --- | ---: | ---: |");
for (const f of figures) console.log(`| ${f.label} | ${f.readySeconds.toFixed(2)} | ${f.idleRssMb.toFixed(0)} |`);

// Incident list / timeline / add-note under load: the targets need real PostgreSQL data
// (100k incidents, 2M events), so they only run with DATABASE_URL. Missing a target is reported,
// never an exit code: this prints figures, it is not a test.
if (url) {
  const seconds = parseSeconds(process.env.BENCH_SECONDS);
  const runs = await runIncidentBenchmarks(url, parseSizes(process.env.BENCH_SIZES), seconds);
  console.log(formatIncidentReport(runs, seconds));
} else {
  console.log("\nIncident benchmarks (list, timeline, add note at 1k and 100k incidents) need PostgreSQL: set DATABASE_URL, e.g. postgres://root@127.0.0.1:5432/postgres");
}

// Fan-out (issue 11): live watchers on one incident while notes are written, on both engines.
// FANOUT_SECONDS, FANOUT_SUBSCRIBERS, FANOUT_RATES, FANOUT_ENGINES and FANOUT_OPEN shape it (see bench/fanout.ts).
console.log(await runFanoutBenchmarks(fanoutOptionsFromEnv()));
