// One fan-out run against a running app: a fresh incident, N watchers on its live stream, notes at
// a fixed rate, then a check that every watcher got every acknowledged note once and in order.
import { subscribe, type Subscriber } from "./fanout-subscriber";
import { percentile, probeList, probeOnce, PROBE_TIMEOUT_MS, sampleUsage, writeNotes, type Note, type Probe, type Usage } from "./fanout-load";
import { mutationBody } from "./http-scenarios";

export type RunOptions = {
  baseUrl: string;
  cookie: string;
  serverPid: number;
  rate: number;
  seconds: number;
  subscribers: number;
  /**
   * Open one watcher and wait for its first message before the others, so the process already
   * listens when they arrive. Off (the default), all open at once, as every tab does after a deploy.
   */
  openFirstAlone: boolean;
  log: (line: string) => void;
};

export type Delivery = {
  missing: number;
  duplicates: number;
  outOfOrder: number;
  /** Watchers with at least one of the three. */
  faultyWatchers: number;
  /** Acknowledged notes without a sequence number in the answer: their order cannot be checked. */
  unordered: number;
};

export type RunFigures = {
  rate: number;
  seconds: number;
  subscribersConnected: number;
  subscribers: number;
  reconnects: number;
  endedByServer: number;
  subscriberErrors: string[];
  sent: number;
  acknowledged: number;
  skipped: number;
  writeErrors: string[];
  achievedRate: number;
  write: { p50: number; p99: number; censored: boolean };
  delivery: { p50: number; p99: number; censored: boolean };
  completeness: Delivery;
  listP95: number;
  probes: { count: number; timedOut: number; failed: number; errors: string[]; longestSilenceSeconds: number };
  /** How long declaring the incident and connecting the watchers took, before any note. */
  setupSeconds: { declare: number; connect: number };
  answeringAfter: boolean;
  usage: Usage;
  wallSeconds: number;
};

const CONNECT_TIMEOUT_MS = 20_000;
// After the last watcher connected, before the first note: lets every stream finish its catch-up read.
const SETTLE_MS = 2000;
// A run (watchers connecting, writes, catching up) ends within its duration plus this, whatever is
// still outstanding; the rest of the minute is kept for the last probe (≤ 10 s) and closing streams.
const RUN_SLACK_MS = 48_000;

async function post(baseUrl: string, cookie: string, procedure: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: mutationBody(input),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${procedure} answered ${response.status}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { result: { data: unknown } }).result.data;
}

/**
 * Per watcher: acknowledged notes never received, extra copies, and notes that arrived after one
 * with a higher sequence number (the order the server committed them, from addNote's answer).
 */
export function checkDelivery(watchers: Pick<Subscriber, "received" | "arrivals">[], acknowledged: Pick<Note, "index" | "seq">[]): Delivery {
  const seqOf = new Map(acknowledged.map((note) => [note.index, note.seq]));
  const result: Delivery = { missing: 0, duplicates: 0, outOfOrder: 0, faultyWatchers: 0, unordered: acknowledged.filter((note) => note.seq === null).length };
  for (const watcher of watchers) {
    const missing = acknowledged.filter((note) => !watcher.received.has(note.index)).length;
    let duplicates = 0;
    for (const [index, count] of watcher.received) if (seqOf.has(index)) duplicates += count - 1;
    let outOfOrder = 0;
    let highest = -1;
    for (const index of watcher.arrivals) {
      const seq = seqOf.get(index);
      if (seq === undefined || seq === null) continue;
      if (seq < highest) outOfOrder++;
      highest = Math.max(highest, seq);
    }
    result.missing += missing;
    result.duplicates += duplicates;
    result.outOfOrder += outOfOrder;
    if (missing + duplicates + outOfOrder > 0) result.faultyWatchers++;
  }
  return result;
}

/** Longest stretch without a successful list answer, counting a probe still waiting as silence. */
function longestSilence(probes: Probe[], from: number, to: number): number {
  let lastAnswer = from;
  let longest = 0;
  for (const probe of probes) {
    if (probe.ok) {
      longest = Math.max(longest, probe.at - lastAnswer);
      lastAnswer = probe.at;
    }
  }
  return Math.max(longest, to - lastAnswer) / 1000;
}

export async function runFanout(options: RunOptions): Promise<RunFigures> {
  const { baseUrl, cookie, rate, log } = options;
  const started = Date.now();
  // Everything below races this: a stuck app ends the run here, reported, never hung.
  const deadline = started + options.seconds * 1000 + RUN_SLACK_MS;
  const incident = (await post(baseUrl, cookie, "incidents.declare", { title: `Fan-out bench at ${rate} notes/s`, summary: "Many people watch this incident." })) as { id: string };
  const declared = Date.now();
  const usage = sampleUsage(options.serverPid);
  const prober = probeList(baseUrl, cookie);
  const stopWatchers = new AbortController();
  const deliveries: number[] = [];
  const watch = () => subscribe({ baseUrl, cookie, incidentId: incident.id, signal: stopWatchers.signal, onFirstArrival: (latency) => deliveries.push(latency) });
  const watchers: Subscriber[] = [];
  if (options.openFirstAlone) {
    const first = watch();
    watchers.push(first);
    const waitUntil = Date.now() + CONNECT_TIMEOUT_MS;
    while (first.messages === 0 && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  while (watchers.length < options.subscribers) watchers.push(watch());
  // Watchers still not connected after the timeout keep trying; the writes start without them.
  await Promise.race([Promise.all(watchers.map((watcher) => watcher.connected)), new Promise((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS))]);
  const subscribersConnected = watchers.filter((watcher) => watcher.isConnected()).length;
  const connectSeconds = (Date.now() - declared) / 1000;
  log(`  ${rate} notes/s: incident declared in ${((declared - started) / 1000).toFixed(1)} s, ${subscribersConnected}/${options.subscribers} watchers connected in ${connectSeconds.toFixed(1)} s`);

  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const loadStarted = Date.now();
  const writes = await writeNotes({ baseUrl, cookie, incidentId: incident.id, rate, seconds: options.seconds, deadline });
  const acknowledged = writes.notes.filter((note) => note.ok);
  log(`  ${rate} notes/s: ${acknowledged.length}/${writes.notes.length} notes acknowledged in ${writes.seconds.toFixed(1)} s; waiting for the watchers to catch up…`);
  // Until every watcher has every acknowledged note, or the deadline.
  while (Date.now() < deadline && !watchers.every((watcher) => acknowledged.every((note) => watcher.received.has(note.index)))) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const ended = Date.now();
  stopWatchers.abort();
  const probes = await prober.stop();
  const usageFigures = usage.stop();
  const answeringAfter = await probeOnce(baseUrl, cookie);

  const delivery = checkDelivery(watchers, acknowledged);
  // A note a watcher never got counts as delivered no sooner than the end: p99 then reads "≥".
  const latencies = [...deliveries];
  for (const watcher of watchers) for (const note of acknowledged) if (!watcher.received.has(note.index)) latencies.push(ended - note.sentAt);
  const writeLatencies = writes.notes.map((note) => note.latencyMs);
  // The list while notes are written and watchers catch up: the connect phase is a different load.
  const listLatencies = probes.filter((probe) => probe.at >= loadStarted).map((probe) => (probe.timedOut ? Math.max(probe.latencyMs, PROBE_TIMEOUT_MS) : probe.latencyMs));
  const errors = writes.notes.filter((note) => !note.ok).map((note) => note.error ?? "failed");
  return {
    rate,
    seconds: options.seconds,
    subscribersConnected,
    subscribers: options.subscribers,
    reconnects: watchers.reduce((sum, watcher) => sum + watcher.reconnects, 0),
    endedByServer: watchers.filter((watcher) => watcher.endedByServer).length,
    subscriberErrors: [...new Set(watchers.flatMap((watcher) => watcher.errors))].slice(0, 5),
    sent: writes.notes.length,
    acknowledged: acknowledged.length,
    skipped: writes.skipped,
    writeErrors: [...new Set(errors)].slice(0, 5).map((message) => `${errors.filter((e) => e === message).length}× ${message}`),
    // Over the nominal window, or longer when sending itself fell behind.
    achievedRate: acknowledged.length / Math.max(writes.seconds, options.seconds),
    write: { p50: percentile(writeLatencies, 50), p99: percentile(writeLatencies, 99), censored: errors.length > 0 },
    delivery: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), censored: delivery.missing > 0 },
    completeness: delivery,
    listP95: percentile(listLatencies, 95),
    probes: {
      count: probes.length,
      timedOut: probes.filter((probe) => probe.timedOut).length,
      failed: probes.filter((probe) => !probe.ok && !probe.timedOut).length,
      errors: [...new Set(probes.flatMap((probe) => (probe.error ? [probe.error] : [])))].slice(0, 3),
      longestSilenceSeconds: longestSilence(probes, declared, ended),
    },
    setupSeconds: { declare: (declared - started) / 1000, connect: connectSeconds },
    answeringAfter,
    usage: usageFigures,
    wallSeconds: (ended - started) / 1000,
  };
}
