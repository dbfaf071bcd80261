// What the database alone allows: the statements one ingestion request runs (1 alert, generic JSON)
// replayed through `pg` with the app's pool size and the bench's concurrency, with and without the
// source's rate-limit counter. Written by hand after server/alerts/ingest.ts, rate-limit.ts and
// store-alerts.ts; if those change, change this too. PostgreSQL only (PGlite has one owner, the app).
import pg from "pg";
import { body, type Workload } from "./alert-load";
import { loadSql, type Figures } from "./raw-sql";

export type SqlCeiling = { label: string; figures: Figures };

// The app's pool (db/client.ts default).
const APP_POOL_SIZE = 10;

const LOAD_SOURCE = "select * from alert_sources where id = $1 and is_enabled = true and deleted_at is null limit 1";
const RATE_SLOT = `insert into alert_source_rate (source_id, window_started_at, requests)
  values ($1, date_trunc('minute', now()), 1)
  on conflict (source_id) do update set
    requests = case when alert_source_rate.window_started_at = excluded.window_started_at then alert_source_rate.requests + 1 else 1 end,
    window_started_at = excluded.window_started_at
  returning requests, ceil(extract(epoch from (window_started_at + interval '1 minute' - now())))::int as retry_after`;
const LOCK = "select pg_advisory_xact_lock(hashtextextended($1, 0))";
const UPSERT = `insert into alerts (source_id, fingerprint, status, title, description, labels, annotations, tier, source_url, raw, started_at, last_seen_at)
  values ($1, $2, 'firing', $3, $4, $5, '{}', $6, $7, $8, $9, $9)
  on conflict (source_id, fingerprint) where status = 'firing' do update set
    title = excluded.title, description = excluded.description, labels = excluded.labels, annotations = excluded.annotations,
    tier = excluded.tier, source_url = excluded.source_url, raw = excluded.raw, occurrences = alerts.occurrences + 1, last_seen_at = excluded.last_seen_at
  returning id, occurrences`;

type Step = "source" | "rate" | "store";

function request(pool: pg.Pool, sourceId: string, workload: Workload, steps: Step[]): () => Promise<void> {
  return async () => {
    const alert = workload.pick();
    const raw = JSON.parse(body("generic", [alert])) as Record<string, unknown>;
    if (steps.includes("source")) await pool.query(LOAD_SOURCE, [sourceId]);
    if (steps.includes("rate")) await pool.query(RATE_SLOT, [sourceId]);
    if (!steps.includes("store")) return;
    const client = await pool.connect();
    try {
      await client.query("begin");
      await client.query(LOCK, [`alert:${sourceId}:${alert.fingerprint}`]);
      const severity = alert.labels.severity === "critical" ? "critical" : alert.labels.severity === "warning" ? "warning" : "info";
      await client.query(UPSERT, [sourceId, alert.fingerprint, alert.summary, raw.description, alert.labels, severity, raw.source_url, raw, new Date()]);
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
}

/** Three closed-loop runs of `seconds` each: as the app does it, without the rate-limit counter, and the counter alone. */
export async function sqlCeilings(databaseUrl: string, sourceId: string, workload: Workload, concurrency: number, seconds: number): Promise<SqlCeiling[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: APP_POOL_SIZE });
  pool.on("error", () => {});
  const modes: { label: string; steps: Step[] }[] = [
    { label: "as the app: source, rate counter, transaction (lock + upsert)", steps: ["source", "rate", "store"] },
    { label: "without the rate counter", steps: ["source", "store"] },
    { label: "the rate counter alone", steps: ["rate"] },
  ];
  const results: SqlCeiling[] = [];
  try {
    for (const mode of modes) {
      const op = request(pool, sourceId, workload, mode.steps);
      for (let round = 0; round < 20; round++) await Promise.all(Array.from({ length: concurrency }, op));
      results.push({ label: mode.label, figures: await loadSql(op, concurrency, seconds) });
    }
  } finally {
    await pool.end();
  }
  return results;
}
