// The common case in a storm: an alert that is already firing fires again (nine in ten alerts in a
// monitoring storm). Such a repeat needs no lock and no routing: it bumps the open alert (occurrences,
// last seen, the text people read). Whatever it does not find open goes through storeAlerts' locked path.
//
// Repeats are committed together: the repeats of every request that arrives while one such UPDATE is
// running go out as the next one, so a storm costs one commit (one WAL flush) per batch instead of one
// per request, and nobody waits longer than one statement for their batch to start. Each request is
// answered once the statement carrying its repeats has committed.
//
// A repeat is a fact on its own (the sender saw the alert firing again), so it is stored at once: if a
// later part of the same request fails and the sender retries, the retry counts one more delivery,
// which it is. Only fingerprints that appear once in a request take this path, so one request never
// counts one alert twice; several requests repeating one alert in a batch add up.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { retryOnConflict } from "@/db/retry";
import type { AlertRecord } from "./formats/alert-record";

/** The fields a repeat refreshes (the first payload stays as `raw`: what opened the alert). */
export const readable = (record: AlertRecord) => ({
  title: record.title,
  description: record.description,
  labels: record.labels,
  annotations: record.annotations,
  sourceUrl: record.sourceUrl,
});

type Content = ReturnType<typeof readable>;
type Repeat = { sourceId: string; fingerprint: string; content: Content | null };
type Waiting = { repeats: Repeat[]; seenAt: Date; resolve: (found: Map<string, string>) => void; reject: (error: unknown) => void };
type Queue = { waiting: Waiting[]; running: boolean };

const keyOf = (sourceId: string, fingerprint: string) => `${sourceId}\n${fingerprint}`;

// Per database handle, so tests with several databases (or a transaction) never share a statement.
const queues = new WeakMap<DbOrTx, Queue>();

/** Touches the open alerts the request repeats; returns fingerprint → alert id for those it found. */
export function touchRepeats(db: DbOrTx, sourceId: string, records: AlertRecord[], now: Date): Promise<Map<string, string>> {
  const seen = new Map<string, number>();
  for (const record of records) seen.set(record.fingerprint, (seen.get(record.fingerprint) ?? 0) + 1);
  const repeats = records
    .filter((record) => record.action === "firing" && seen.get(record.fingerprint) === 1)
    .map((record) => ({ sourceId, fingerprint: record.fingerprint, content: record.hasContent ? readable(record) : null }));
  if (repeats.length === 0) return Promise.resolve(new Map());
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], running: false }));
  const settled = new Promise<Map<string, string>>((resolve, reject) => queue.waiting.push({ repeats, seenAt: now, resolve, reject }));
  if (!queue.running) void drain(db, queue);
  return settled;
}

async function drain(db: DbOrTx, queue: Queue): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length) {
      const batch = queue.waiting.splice(0);
      try {
        // One statement, all or nothing: a batch PostgreSQL rolled back to end a deadlock is sent again.
        const found = await retryOnConflict(() => touchBatch(db, batch));
        for (const request of batch) {
          const own = new Map<string, string>();
          for (const { sourceId, fingerprint } of request.repeats) {
            const id = found.get(keyOf(sourceId, fingerprint));
            if (id) own.set(fingerprint, id);
          }
          request.resolve(own);
        }
      } catch (error) {
        for (const request of batch) request.reject(error);
      }
    }
  } finally {
    queue.running = false;
  }
}

/** One UPDATE for a batch: each open alert gains as many occurrences as the batch repeats it. */
async function touchBatch(db: DbOrTx, batch: Waiting[]): Promise<Map<string, string>> {
  const merged = new Map<string, { source: string; fingerprint: string; count: number; content: Content | null; seen: string }>();
  for (const request of batch) {
    const seen = request.seenAt.toISOString();
    for (const repeat of request.repeats) {
      const key = keyOf(repeat.sourceId, repeat.fingerprint);
      const before = merged.get(key);
      // The latest text wins; a record without content (PagerDuty's bare re-trigger) keeps what is there.
      if (before) Object.assign(before, { count: before.count + 1, content: repeat.content ?? before.content, seen: seen > before.seen ? seen : before.seen });
      else merged.set(key, { source: repeat.sourceId, fingerprint: repeat.fingerprint, count: 1, content: repeat.content, seen });
    }
  }
  // A record with content replaces the readable fields, as the locked path does.
  const result = await db.execute<{ id: string; source_id: string; fingerprint: string }>(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify([...merged.values()])}::jsonb)
        as x(source uuid, fingerprint text, count int, content jsonb, seen timestamptz)
    )
    update alerts set
      title = coalesce(input.content->>'title', alerts.title),
      description = case when input.content is null then alerts.description else coalesce(input.content->>'description', '') end,
      labels = coalesce(input.content->'labels', alerts.labels),
      annotations = coalesce(input.content->'annotations', alerts.annotations),
      source_url = case when input.content is null then alerts.source_url else input.content->>'sourceUrl' end,
      occurrences = alerts.occurrences + input.count,
      last_seen_at = greatest(alerts.last_seen_at, input.seen)
    from input
    where alerts.source_id = input.source and alerts.status = 'firing' and alerts.fingerprint = input.fingerprint
    returning alerts.id, alerts.source_id, alerts.fingerprint`);
  const rows = (result as unknown as { rows: { id: string; source_id: string; fingerprint: string }[] }).rows;
  return new Map(rows.map((row) => [keyOf(row.source_id, row.fingerprint), row.id]));
}
