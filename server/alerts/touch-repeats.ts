// The common case in a storm: an alert that is already firing fires again (nine in ten alerts in a
// monitoring storm). Such a repeat needs no lock and no routing: one statement, outside any
// transaction, bumps the open alert (occurrences, last seen, the text people read). Whatever it does not find open goes through storeAlerts' locked path.
//
// A repeat is a fact on its own (the sender saw the alert firing again), so it is stored at once: if a
// later part of the same request fails and the sender retries, the retry counts one more delivery,
// which it is. Only fingerprints that appear once in the request take this path, so one row never
// meets two of the request's records in one statement.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { AlertRecord } from "./formats/alert-record";

/** The fields a repeat refreshes (the first payload stays as `raw`: what opened the alert). */
export const readable = (record: AlertRecord) => ({
  title: record.title,
  description: record.description,
  labels: record.labels,
  annotations: record.annotations,
  sourceUrl: record.sourceUrl,
});

/** Touches the open alerts the request repeats; returns fingerprint → alert id for those it found. */
export async function touchRepeats(db: DbOrTx, sourceId: string, records: AlertRecord[], now: Date): Promise<Map<string, string>> {
  const seen = new Map<string, number>();
  for (const record of records) seen.set(record.fingerprint, (seen.get(record.fingerprint) ?? 0) + 1);
  const repeats = records
    .filter((record) => record.action === "firing" && seen.get(record.fingerprint) === 1)
    .map((record) => ({ fingerprint: record.fingerprint, content: record.hasContent ? readable(record) : null }));
  if (repeats.length === 0) return new Map();
  // A record without content (PagerDuty's bare re-trigger) keeps what the alert says; one with
  // content replaces the readable fields, as the locked path does.
  const result = await db.execute<{ id: string; fingerprint: string }>(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(repeats)}::jsonb) as x(fingerprint text, content jsonb)
    ), touched as (
      update alerts set
        title = coalesce(input.content->>'title', alerts.title),
        description = case when input.content is null then alerts.description else coalesce(input.content->>'description', '') end,
        labels = coalesce(input.content->'labels', alerts.labels),
        annotations = coalesce(input.content->'annotations', alerts.annotations),
        source_url = case when input.content is null then alerts.source_url else input.content->>'sourceUrl' end,
        occurrences = alerts.occurrences + 1,
        last_seen_at = ${now.toISOString()}::timestamptz
      from input
      where alerts.source_id = ${sourceId} and alerts.status = 'firing' and alerts.fingerprint = input.fingerprint
      returning alerts.id, alerts.fingerprint
    )
    select id, fingerprint from touched`);
  const rows = (result as unknown as { rows: { id: string; fingerprint: string }[] }).rows;
  return new Map(rows.map((row) => [row.fingerprint, row.id]));
}
