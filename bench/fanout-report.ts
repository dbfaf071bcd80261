// The fan-out figures as markdown: one row per engine and rate, the details behind each row, and
// issue 11's targets beside what was measured. A missed target is reported, never an exit code.
import os from "node:os";
import { PROBE_TIMEOUT_MS } from "./fanout-load";
import type { RunFigures } from "./fanout-run";

export type EngineName = "PostgreSQL" | "PGlite";
export type EngineRun = { engine: EngineName; runs: RunFigures[]; notRun: { rate: number; reason: string }[] };

const ms = (value: number) => (Number.isNaN(value) ? "–" : value < 10 ? value.toFixed(1) : value.toFixed(0));
const atLeast = (censored: boolean) => (censored ? "≥ " : "");

function onceInOrder(run: RunFigures): string {
  const { missing, duplicates, outOfOrder, faultyWatchers, unordered } = run.completeness;
  const unchecked = unordered > 0 ? ` (order unchecked for ${unordered} notes: no lastEventSeq)` : "";
  if (missing + duplicates + outOfOrder === 0 && run.acknowledged > 0) return `yes (${run.subscribers} × ${run.acknowledged})${unchecked}`;
  if (run.acknowledged === 0) return "no note was acknowledged";
  return `no: ${missing} missing, ${duplicates} duplicate, ${outOfOrder} out of order; ${faultyWatchers}/${run.subscribers} watchers affected${unchecked}`;
}

function answering(run: RunFigures): string {
  const { timedOut, failed, longestSilenceSeconds } = run.probes;
  const stalled = timedOut > 0 || longestSilenceSeconds > 10;
  const after = run.answeringAfter ? "" : "; still not answering at the end";
  if (!stalled && failed === 0) return `yes (longest wait ${longestSilenceSeconds.toFixed(1)} s)${after}`;
  const failures = failed > 0 ? `, ${failed} list errors` : "";
  return `${stalled ? "**stopped answering**" : "yes"}: ${timedOut} probes > 10 s${failures}, longest silence ${longestSilenceSeconds.toFixed(0)} s${after}`;
}

function row(engine: EngineName, run: RunFigures): string {
  const backlog = run.skipped > 0 ? `; ${run.skipped} not sent (1000 in flight)` : "";
  return [
    engine,
    run.rate,
    `${run.achievedRate.toFixed(1)} (${run.acknowledged}/${run.sent + run.skipped} acknowledged${backlog})`,
    `${ms(run.write.p50)} / ${atLeast(run.write.censored)}${ms(run.write.p99)}`,
    `${ms(run.delivery.p50)} / ${atLeast(run.delivery.censored)}${ms(run.delivery.p99)}`,
    // A probe that timed out counts as 10 s: a p95 at that value is only a lower bound.
    `${atLeast(run.listP95 >= PROBE_TIMEOUT_MS)}${ms(run.listP95)}`,
    run.usage.peakRssMb.toFixed(0),
    onceInOrder(run),
    answering(run),
  ].join(" | ");
}

function details(engine: EngineName, run: RunFigures): string {
  const parts = [
    `${run.subscribersConnected}/${run.subscribers} watchers connected`,
    `${run.reconnects} reconnects`,
    run.endedByServer > 0 ? `${run.endedByServer} streams ended by the server` : "",
    `incident declared in ${run.setupSeconds.declare.toFixed(1)} s, watchers connected in ${run.setupSeconds.connect.toFixed(1)} s`,
    `${run.probes.count} list probes`,
    `server CPU ${run.usage.serverCpuPercent.toFixed(0)}% of a core, bench CPU ${run.usage.benchCpuPercent.toFixed(0)}%`,
    `run took ${run.wallSeconds.toFixed(0)} s`,
  ].filter(Boolean);
  const lines = [`- ${engine} ${run.rate}/s: ${parts.join(", ")}`];
  if (run.writeErrors.length > 0) lines.push(`  - failed writes: ${run.writeErrors.join("; ").replaceAll("\n", " ")}`);
  if (run.probes.errors.length > 0) lines.push(`  - failed list probes: ${run.probes.errors.join("; ")}`);
  if (run.subscriberErrors.length > 0) lines.push(`  - stream errors: ${run.subscriberErrors.join("; ").replaceAll("\n", " ")}`);
  return lines.join("\n");
}

type Target = { engine: EngineName; rate: number; label: string; check: (run: RunFigures) => { measured: string; ok: boolean } };

const TARGETS: Target[] = [
  {
    engine: "PostgreSQL",
    rate: 50,
    label: "write p99 ≤ 250 ms",
    check: (run) => ({ measured: `${atLeast(run.write.censored)}${ms(run.write.p99)} ms`, ok: !run.write.censored && run.write.p99 <= 250 }),
  },
  {
    engine: "PostgreSQL",
    rate: 50,
    label: "delivery p99 ≤ 1 s",
    check: (run) => ({ measured: `${atLeast(run.delivery.censored)}${ms(run.delivery.p99)} ms`, ok: !run.delivery.censored && run.delivery.p99 <= 1000 }),
  },
  {
    engine: "PGlite",
    rate: 5,
    label: "delivery p99 ≤ 1 s",
    check: (run) => ({ measured: `${atLeast(run.delivery.censored)}${ms(run.delivery.p99)} ms`, ok: !run.delivery.censored && run.delivery.p99 <= 1000 }),
  },
  {
    engine: "PGlite",
    rate: 5,
    label: "the app keeps answering (no list probe > 10 s)",
    check: (run) => ({ measured: answering(run), ok: run.probes.timedOut === 0 && run.probes.longestSilenceSeconds <= 10 && run.answeringAfter }),
  },
];

export function formatFanoutReport(engines: EngineRun[], options: { seconds: number; subscribers: number; openFirstAlone: boolean; loadAtStart: number[] }): string {
  const lines: string[] = [];
  const load = options.loadAtStart.map((value) => value.toFixed(1)).join(" / ");
  const opening = options.openFirstAlone ? "one watcher opened first, then the rest (FANOUT_OPEN=first-alone)" : "all watchers opened at once, as after a deploy";
  lines.push(`\nFan-out (issue 11): ${options.subscribers} SSE watcher${options.subscribers === 1 ? "" : "s"} on one incident (${opening}), notes at a fixed rate for ${options.seconds} s`);
  lines.push(`Machine: ${os.cpus().length} cores, load average ${load} (1/5/15 min) when the bench started; other work on it shows in these figures.`);
  lines.push(
    "Latencies in ms. Delivery = arrival at a watcher − the note's send time, over every watcher × note; ≥ marks a figure that counts unanswered writes or undelivered notes at the run's end.\n",
  );
  lines.push("| engine | rate (notes/s) | achieved writes/s | write p50 / p99 | delivery p50 / p99 | list p95 | peak RSS (MB) | every event once and in order? | app answering? |");
  lines.push("| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |");
  for (const engine of engines) {
    for (const run of engine.runs) lines.push(`| ${row(engine.engine, run)} |`);
    for (const skipped of engine.notRun) lines.push(`| ${engine.engine} | ${skipped.rate} | not run: ${skipped.reason.replaceAll("|", "/").replaceAll("\n", " ").slice(0, 300)} | | | | | | |`);
  }
  lines.push("");
  for (const engine of engines) for (const run of engine.runs) lines.push(details(engine.engine, run));

  lines.push("\nIssue 11's targets (2-core machine)\n");
  lines.push("| engine | rate | target | measured | verdict |\n| --- | ---: | --- | --- | --- |");
  for (const target of TARGETS) {
    const run = engines.find((engine) => engine.engine === target.engine)?.runs.find((candidate) => candidate.rate === target.rate);
    if (!run) {
      lines.push(`| ${target.engine} | ${target.rate} | ${target.label} | not run | – |`);
      continue;
    }
    const { measured, ok } = target.check(run);
    lines.push(`| ${target.engine} | ${target.rate} | ${target.label} | ${measured} | ${ok ? "PASS" : "FAIL"} |`);
  }
  for (const engine of engines) {
    for (const run of engine.runs) {
      const { missing, duplicates, outOfOrder } = run.completeness;
      const ok = missing + duplicates + outOfOrder === 0 && run.acknowledged > 0;
      lines.push(`| ${engine.engine} | ${run.rate} | every watcher gets every event once and in order | ${onceInOrder(run)} | ${ok ? "PASS" : "FAIL"} |`);
    }
  }
  return lines.join("\n");
}
