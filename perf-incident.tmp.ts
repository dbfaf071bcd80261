import { formatIncidentReport, parseSeconds, parseSizes, runIncidentBenchmarks } from "./bench/incident-bench";
const seconds = parseSeconds(process.env.BENCH_SECONDS);
const runs = await runIncidentBenchmarks(process.env.DATABASE_URL!, parseSizes(process.env.BENCH_SIZES), seconds);
console.log(formatIncidentReport(runs, seconds));
