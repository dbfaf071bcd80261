// npm run bench — prints the figures the issues ask for. Needs a production build (`npm run build`).
// With names, runs only those parts: `npm run bench -- alerts fanout`. Parts: blameless, post-mortem,
// startup, incidents, fanout, alerts, notifications.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { alertOptionsFromEnv, runAlertBenchmarks } from "./alert-ingest";
import { blamelessBench } from "./blameless";
import { fanoutOptionsFromEnv, runFanoutBenchmarks } from "./fanout";
import { notificationOptionsFromEnv, runNotificationBenchmarks } from "./notifications";
import { postMortemBench } from "./post-mortem-bench";
import { formatIncidentReport, parseRounds, parseSeconds, parseSizes, runIncidentBenchmarks } from "./incident-bench";
import { measureStart, tempDataDir, type StartupFigures } from "./startup";

const PARTS = ["blameless", "post-mortem", "startup", "incidents", "fanout", "alerts", "notifications"] as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(PARTS as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`Unknown bench part ${unknown.join(", ")}; the parts are ${PARTS.join(", ")} (none named: all of them).`);
  process.exit(1);
}
const runs = (part: (typeof PARTS)[number]) => asked.length === 0 || asked.includes(part);

if (!fs.existsSync(".next/BUILD_ID") && PARTS.some((part) => part !== "blameless" && runs(part))) {
  console.log("No production build: building first…");
  if (spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}

// Pure and quick: the blameless checker's precision and recall on the labelled corpus.
if (runs("blameless")) console.log(`\n${await blamelessBench()}`);

// The post-mortem editor (issue 4, "Fast"): first-load JS, time to editable, keystroke delay. Chromium needed.
if (runs("post-mortem")) console.log(`\n${await postMortemBench()}`);

const url = process.env.DATABASE_URL;

if (runs("startup")) {
  const figures: StartupFigures[] = [];
  const dataDir = tempDataDir();
  figures.push(await measureStart("embedded, first start (create + migrate + seed)", { DATA_DIR: dataDir, DATABASE_URL: "" }, 3201));
  figures.push(await measureStart("embedded, warm start", { DATA_DIR: dataDir, DATABASE_URL: "" }, 3201));
  fs.rmSync(dataDir, { recursive: true, force: true });

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
}

// Incident list / timeline / add-note under load: the targets need real PostgreSQL data
// (100k incidents, 2M events), so they only run with DATABASE_URL. Missing a target is reported,
// never an exit code: this prints figures, it is not a test.
if (runs("incidents")) {
  if (url) {
    const seconds = parseSeconds(process.env.BENCH_SECONDS);
    const rounds = parseRounds(process.env.BENCH_ROUNDS);
    const sizeRuns = await runIncidentBenchmarks(url, parseSizes(process.env.BENCH_SIZES), seconds, rounds);
    console.log(formatIncidentReport(sizeRuns, seconds, rounds));
  } else {
    console.log("\nIncident benchmarks (list, timeline, add note at 1k and 100k incidents) need PostgreSQL: set DATABASE_URL, e.g. postgres://root@127.0.0.1:5432/postgres");
  }
}

// Fan-out (issue 11): live watchers on one incident while notes are written, on both engines.
// FANOUT_SECONDS, FANOUT_SUBSCRIBERS, FANOUT_RATES, FANOUT_ENGINES and FANOUT_OPEN shape it (see bench/fanout.ts).
if (runs("fanout")) console.log(await runFanoutBenchmarks(fanoutOptionsFromEnv()));

// Alert ingestion: sustained alerts/s and POST→stored latency, 90 % repeats, on both engines.
// ALERTS_SECONDS, ALERTS_RUNS, ALERTS_CONCURRENCY, ALERTS_POOL and ALERTS_ENGINES shape it (see bench/alert-ingest.ts).
if (runs("alerts")) console.log(await runAlertBenchmarks(alertOptionsFromEnv()));

// Notifications out: one change to 100 webhook endpoints, and sustained deliveries/s, on both engines.
// NOTIFY_ENDPOINTS, NOTIFY_RUNS, NOTIFY_CHANGES and NOTIFY_ENGINES shape it (see bench/notifications.ts).
if (runs("notifications")) console.log(await runNotificationBenchmarks(notificationOptionsFromEnv()));
// Stray keep-alive sockets and timers must not keep a finished bench alive.
process.exit(0);
