// The load beside the watchers: notes written at a fixed rate, an incident-list prober, and a
// sampler of the server's memory and CPU. Every request has a timeout, so a stuck app ends the run.
import fs from "node:fs";
import { mutationBody, queryPath } from "./http-scenarios";

export type Note = { index: number; sentAt: number; latencyMs: number; ok: boolean; error?: string; seq: number | null };

/** Past this many writes waiting for an answer, a due note is skipped: the app is not keeping up. */
const MAX_IN_FLIGHT = 1000;
const WRITE_TIMEOUT_MS = 30_000;
export const PROBE_TIMEOUT_MS = 10_000;
const PROBE_INTERVAL_MS = 200;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** undici reports every network failure as "fetch failed"; the cause says which one. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause ? `${error.message} (${cause.code ?? cause.message ?? "unknown cause"})` : error.message;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

type WriteOptions = { baseUrl: string; cookie: string; incidentId: string; rate: number; seconds: number; deadline: number };

/**
 * Open loop: note i is due at start + i/rate whatever the earlier ones are doing, as people in an
 * incident do not wait for each other. Resolves once every sent note has an answer or has timed out.
 */
export async function writeNotes(options: WriteOptions): Promise<{ notes: Note[]; skipped: number; seconds: number }> {
  const notes: Note[] = [];
  const pending = new Set<Promise<void>>();
  let skipped = 0;
  const start = performance.now();
  const total = Math.floor(options.rate * options.seconds);
  const send = (index: number) => {
    const sentAt = Date.now();
    const started = performance.now();
    const note: Note = { index, sentAt, latencyMs: 0, ok: false, seq: null };
    notes.push(note);
    const timeout = Math.min(WRITE_TIMEOUT_MS, options.deadline - Date.now());
    const request = fetch(`${options.baseUrl}/api/trpc/incidents.addNote`, {
      method: "POST",
      headers: { cookie: options.cookie, "content-type": "application/json" },
      body: mutationBody({ incidentId: options.incidentId, body: `Fan-out bench note fanout:${index}:${sentAt} — watching the error rate.` }),
      signal: AbortSignal.timeout(Math.max(1, timeout)),
    })
      .then(async (response) => {
        const text = await response.text();
        note.latencyMs = performance.now() - started;
        if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 160)}`);
        const seq = (JSON.parse(text) as { result?: { data?: { lastEventSeq?: unknown } } }).result?.data?.lastEventSeq;
        note.seq = typeof seq === "number" ? seq : null;
        note.ok = true;
      })
      .catch((error: unknown) => {
        note.latencyMs = performance.now() - started;
        note.error = error instanceof Error && error.name === "TimeoutError" ? `no answer in ${(timeout / 1000).toFixed(0)} s` : describeFailure(error);
      })
      .finally(() => pending.delete(request));
    pending.add(request);
  };
  for (let index = 0; index < total && Date.now() < options.deadline; index++) {
    await sleep(start + (index * 1000) / options.rate - performance.now());
    if (pending.size >= MAX_IN_FLIGHT) skipped++;
    else send(index);
  }
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(pending);
  return { notes, skipped, seconds };
}

/** One incidents.list call: did it answer 200 within the probe timeout? */
export async function probeOnce(baseUrl: string, cookie: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}${queryPath("incidents.list", {})}`, { headers: { cookie }, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

export type Probe = { at: number; latencyMs: number; ok: boolean; timedOut: boolean; error?: string };

/**
 * Calls incidents.list every ~200 ms (never two at once) until stopped; a probe gives up after 10 s.
 * stop() drops the probe in flight rather than waiting for it, so a stuck app cannot hold the run.
 */
export function probeList(baseUrl: string, cookie: string): { stop(): Promise<Probe[]> } {
  const probes: Probe[] = [];
  let current: AbortController | null = null;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      current = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        current?.abort();
      }, PROBE_TIMEOUT_MS);
      let ok = false;
      let error: string | undefined;
      try {
        const response = await fetch(`${baseUrl}${queryPath("incidents.list", {})}`, { headers: { cookie }, signal: current.signal });
        await response.arrayBuffer();
        ok = response.status === 200;
        if (!ok) error = `HTTP ${response.status}`;
      } catch (caught) {
        error = describeFailure(caught);
      } finally {
        clearTimeout(timer);
      }
      if (stopped && !timedOut) break;
      const latencyMs = performance.now() - started;
      probes.push({ at: Date.now(), latencyMs, ok, timedOut, error: timedOut ? undefined : error });
      await sleep(PROBE_INTERVAL_MS - latencyMs);
    }
  })();
  return {
    async stop() {
      stopped = true;
      current?.abort();
      await loop;
      return probes;
    },
  };
}

/** RSS of the process and its descendants, from /proc (Linux only; 0 elsewhere). */
function treeRssKb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return rss + children.reduce((sum, child) => sum + treeRssKb(child), 0);
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by one process (user + system), from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export type Usage = { peakRssMb: number; serverCpuPercent: number; benchCpuPercent: number };

/** Samples the server's memory twice a second; CPU as a share of one core, server and bench alike. */
export function sampleUsage(serverPid: number): { stop(): Usage } {
  let peakKb = treeRssKb(serverPid);
  const timer = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(serverPid))), 500);
  const started = performance.now();
  const serverCpuAtStart = cpuSeconds(serverPid);
  const benchCpuAtStart = process.cpuUsage();
  return {
    stop() {
      clearInterval(timer);
      peakKb = Math.max(peakKb, treeRssKb(serverPid));
      const wallSeconds = (performance.now() - started) / 1000;
      const bench = process.cpuUsage(benchCpuAtStart);
      return {
        peakRssMb: peakKb / 1024,
        serverCpuPercent: ((cpuSeconds(serverPid) - serverCpuAtStart) / wallSeconds) * 100,
        benchCpuPercent: ((bench.user + bench.system) / 1e6 / wallSeconds) * 100,
      };
    },
  };
}
