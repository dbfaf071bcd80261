// The SQL each incident scenario's service issues, sent straight through `pg`: the floor the API is
// compared against. Texts mirror what drizzle generates for server/incidents/{list,timeline,
// add-note,mutate}.ts (same joins, same parameters, same statement order and parallelism).
import type { Pool } from "pg";
import { openStatuses } from "@/lib/incident-lifecycle";
import { ownCpuMicros } from "./process-cpu";

/** `cpuMicros`: CPU the side's own process spent in the run (the app for the API, this process's `pg` client for raw SQL). */
export type Figures = { p50: number; p99: number; rps: number; count: number; errors: number; cpuMicros?: number | null };
export type ListFilter = { statuses?: string[]; severityIds?: number[]; sort: "active_first" | "newest" };
/**
 * Whose SQL to send. The UI scenarios sign in as the admin, who sees every incident. The REST
 * scenarios use an `incidents:read` token, which acts with the viewer role: its reads carry the
 * visibility rule (public, or private with its own participant row), as server/incidents/access.ts
 * and status-counts.ts write it for such a caller.
 */
export type Caller = { kind: "admin" } | { kind: "viewer"; actorId: string };
// `name` where the app prepares the statement (server/incidents/list-details.ts, get.ts): the raw side
// then prepares it too, so both get PostgreSQL's plan reuse and the comparison stays like for like.
export type Query = { text: string; values: unknown[]; name?: string };

const PAGE_SIZE = 25;
const INCIDENT_COLUMNS = [
  "id",
  "number",
  "title",
  "summary",
  "severity_id",
  "status",
  "kind",
  "is_private",
  "customer_impact",
  "links",
  "closing_reason",
  "merged_into_id",
  "impact_started_at",
  "detected_at",
  "declared_at",
  "acknowledged_at",
  "mitigated_at",
  "resolved_at",
  "closed_at",
  "version",
  "last_event_seq",
  "declared_by_id",
  "updated_at",
];
// The list reads only the columns a row shows (server/incidents/list.ts listColumns).
const LIST_SELECT = ["id", "number", "title", "status", "kind", "is_private", "declared_at", "resolved_at"].map((column) => `"incidents"."${column}"`).join(", ");
// loadVisibleIncident selects the whole row, which drizzle writes with bare column names.
const INCIDENT_SELECT = INCIDENT_COLUMNS.map((column) => `"${column}"`).join(", ");
// The timeline reads only the columns it sends (server/incidents/timeline.ts readEvents).
const EVENT_SELECT = ["id", "seq", "kind", "actor_id", "occurred_at", "recorded_at", "data", "body", "supersedes_id"].map((column) => `"incident_events"."${column}"`).join(", ");

/** Appends values as $n placeholders: the way drizzle parameterizes `in (…)` lists. */
function placeholders(values: unknown[], add: readonly unknown[]): string {
  return add.map((value) => `$${values.push(value)}`).join(", ");
}

/** visibleTo(actor) for a viewer without a team; nothing for the admin. */
function visibilitySql(values: unknown[], caller: Caller): string | null {
  if (caller.kind === "admin") return null;
  return `("incidents"."is_private" = $${values.push(false)} or exists (select 1 from "incident_participants" where "incident_participants"."incident_id" = "incidents"."id" and "incident_participants"."user_id" = $${values.push(caller.actorId)}))`;
}

/** A WHERE clause as drizzle's and() writes it: a single condition unwrapped, several in parentheses. */
const whereOf = (parts: string[]): string => (parts.length === 0 ? "" : ` where ${parts.length === 1 ? parts[0] : `(${parts.join(" and ")})`}`);

function filterSql(values: unknown[], filter: ListFilter, withStatus: boolean, caller: Caller): string {
  const parts: string[] = [];
  const visibility = visibilitySql(values, caller);
  if (visibility) parts.push(visibility);
  if (withStatus && filter.statuses?.length) parts.push(`"incidents"."status" in (${placeholders(values, filter.statuses)})`);
  if (filter.severityIds?.length) parts.push(`"incidents"."severity_id" in (${placeholders(values, filter.severityIds)})`);
  return whereOf(parts);
}

export function pageQuery(filter: ListFilter, caller: Caller): Query {
  const values: unknown[] = [];
  // Literal statuses and explicit null order, exactly as server/incidents/list-cursor.ts writes them
  // (that is what lets incidents_active_first_idx serve the order).
  const key = (): string => (filter.sort === "active_first" ? `(case when "incidents"."status" in (${openStatuses.map((s) => `'${s}'`).join(", ")}) then 0 else 1 end)` : "0");
  const selectKey = key();
  const where = filterSql(values, filter, true, caller);
  const order =
    filter.sort === "active_first"
      ? `${key()} asc, "incidents"."declared_at" desc nulls last, "incidents"."id" desc nulls last`
      : `"incidents"."declared_at" desc nulls last, "incidents"."id" desc nulls last`;
  const text = `select ${LIST_SELECT}, "severities"."id", "severities"."name", "severities"."rank", ${selectKey}
    from "incidents" inner join "severities" on "severities"."id" = "incidents"."severity_id"${where}
    order by ${order} limit $${values.push(PAGE_SIZE + 1)}`;
  return { text, values };
}

// As server/incidents/status-counts.ts: status and severity filters (all the bench uses) are
// answered by the counters the incidents trigger keeps. The admin's count every incident; a viewer's
// count the public ones, and the private ones it takes part in are counted from its participant rows.
export function countsQueries(filter: ListFilter, caller: Caller): Query[] {
  const values: unknown[] = [];
  const parts: string[] = [];
  if (caller.kind === "viewer") parts.push(`"incident_status_counts"."is_private" = $${values.push(false)}`);
  if (filter.severityIds?.length) parts.push(`"incident_status_counts"."severity_id" in (${placeholders(values, filter.severityIds)})`);
  const counters = { text: `select "status", sum("count")::int from "incident_status_counts"${whereOf(parts)} group by "incident_status_counts"."status"`, values };
  if (caller.kind === "admin") return [counters];
  const own: unknown[] = [caller.actorId, true];
  const severity = filter.severityIds?.length ? ` and "incidents"."severity_id" in (${placeholders(own, filter.severityIds)})` : "";
  const privateOnes = {
    text: `select "incidents"."status", count(*)::int from "incident_participants" inner join "incidents" on "incidents"."id" = "incident_participants"."incident_id" where ("incident_participants"."user_id" = $1 and "incidents"."is_private" = $2${severity}) group by "incidents"."status"`,
    values: own,
  };
  return [counters, privateOnes];
}

// As server/incidents/list-details.ts: the page's ids travel as one array parameter.
export function commandersQuery(ids: string[]): Query {
  const text = `select "incident_role_assignments"."incident_id", "users"."id", "users"."name" from "incident_role_assignments"
    inner join "incident_role_types" on "incident_role_types"."id" = "incident_role_assignments"."role_type_id"
    inner join "users" on "users"."id" = "incident_role_assignments"."user_id"
    where ("incident_role_assignments"."incident_id" = any($1::uuid[]) and "incident_role_types"."key" = $2
      and "incident_role_assignments"."released_at" is null)`;
  return { name: "incident_list_commanders", text, values: [ids, "commander"] };
}

export function servicesQuery(ids: string[]): Query {
  const text = `select "incident_services"."incident_id", "services"."id", "services"."name" from "incident_services"
    inner join "services" on "services"."id" = "incident_services"."service_id" where "incident_services"."incident_id" = any($1::uuid[])`;
  return { name: "incident_list_services", text, values: [ids] };
}

// drizzle reads rows as arrays; so does the raw side, to parse the same way.
const run = (pool: Pool, query: Query) => pool.query({ name: query.name, text: query.text, values: query.values, rowMode: "array" });

/** incidents.list: page + counts in parallel, then commanders + services of the page in parallel. */
export function listSql(pool: Pool, filter: ListFilter, caller: Caller = { kind: "admin" }): () => Promise<void> {
  const page = pageQuery(filter, caller);
  const counts = countsQueries(filter, caller);
  return async () => {
    const [rows] = await Promise.all([run(pool, page), ...counts.map((query) => run(pool, query))]);
    const ids = rows.rows.slice(0, PAGE_SIZE).map((row: unknown[]) => String(row[0]));
    if (ids.length) await Promise.all([run(pool, commandersQuery(ids)), run(pool, servicesQuery(ids))]);
  };
}

/** incidents.get: the incident (visibility check), then its severity, people, services and roles in parallel. */
export function incidentQuery(incidentId: string, caller: Caller): Query {
  const values: unknown[] = [incidentId];
  const visibility = visibilitySql(values, caller);
  const where = visibility ? `("incidents"."id" = $1 and ${visibility})` : `"incidents"."id" = $1`;
  // Prepared as server/incidents/access.ts prepares it, under the name of the caller's shape.
  const name = caller.kind === "admin" ? "incident_visible_all" : "incident_visible_public_or_own";
  return { name, text: `select ${INCIDENT_SELECT} from "incidents" where ${where}`, values };
}

/** The incident's severity, people, services and roles: loadIncidentDetails in server/incidents/get.ts. */
export function detailQueries(incidentId: string, severityId: unknown, declaredById: unknown): Query[] {
  return [
    { name: "incident_get_severity", text: `select "id", "name", "rank", "description" from "severities" where "severities"."id" = $1`, values: [severityId] },
    { name: "incident_get_declared_by", text: `select "id", "name" from "users" where "users"."id" = $1`, values: [declaredById] },
    {
      name: "incident_get_services",
      text: `select "services"."id", "services"."name", "services"."tier" from "incident_services" inner join "services" on "services"."id" = "incident_services"."service_id" where "incident_services"."incident_id" = $1 order by "services"."name" asc`,
      values: [incidentId],
    },
    {
      name: "incident_get_role_types",
      text: `select "id", "key", "name", "guide", "is_builtin", "sort_order" from "incident_role_types" order by "incident_role_types"."sort_order" asc, "incident_role_types"."name" asc`,
      values: [],
    },
    {
      name: "incident_get_assignments",
      text: `select "incident_role_assignments"."role_type_id", "users"."id", "users"."name", "incident_role_assignments"."assigned_at", "incident_role_assignments"."released_at" from "incident_role_assignments" inner join "users" on "users"."id" = "incident_role_assignments"."user_id" where "incident_role_assignments"."incident_id" = $1 order by "incident_role_assignments"."assigned_at" asc`,
      values: [incidentId],
    },
    {
      name: "incident_get_participants",
      text: `select "users"."id", "users"."name" from "incident_participants" inner join "users" on "users"."id" = "incident_participants"."user_id" where "incident_participants"."incident_id" = $1 order by "users"."name" asc`,
      values: [incidentId],
    },
  ];
}

export function getSql(pool: Pool, incidentId: string, caller: Caller = { kind: "admin" }): () => Promise<void> {
  const incident = incidentQuery(incidentId, caller);
  const severityColumn = INCIDENT_COLUMNS.indexOf("severity_id");
  const declaredByColumn = INCIDENT_COLUMNS.indexOf("declared_by_id");
  return async () => {
    const found = await run(pool, incident);
    const row = found.rows[0] as unknown[] | undefined;
    if (!row) throw new Error(`incident ${incidentId} not found`);
    await Promise.all(detailQueries(incidentId, row[severityColumn], row[declaredByColumn]).map((query) => run(pool, query)));
  };
}

/** incidents.timeline: load the incident (visibility check), then its events with actor, highlight and correction. */
export function timelineSql(pool: Pool, incidentId: string): () => Promise<void> {
  const incident: Query = { text: `select ${INCIDENT_SELECT} from "incidents" where "incidents"."id" = $1`, values: [incidentId] };
  const events: Query = {
    text: `select ${EVENT_SELECT}, "users"."name", "incident_event_highlights"."event_id" is not null, "correction"."id" from "incident_events"
      left join "users" on "users"."id" = "incident_events"."actor_id"
      left join "incident_event_highlights" on "incident_event_highlights"."event_id" = "incident_events"."id"
      left join "incident_events" "correction" on "correction"."supersedes_id" = "incident_events"."id"
      where "incident_events"."incident_id" = $1 order by "incident_events"."occurred_at" asc, "incident_events"."seq" asc`,
    values: [incidentId],
  };
  return async () => {
    const found = await run(pool, incident);
    if (found.rowCount !== 1) throw new Error(`incident ${incidentId} not found`);
    await run(pool, events);
  };
}

/**
 * incidents.addNote through mutateIncident: one transaction that locks the incident, appends the
 * event with the next seq, queues the NOTIFY, bumps last_event_seq, records the participant and the
 * audit row.
 */
export function addNoteSql(pool: Pool, incidentId: string, actorId: string, body: string): () => Promise<void> {
  return async () => {
    const client = await pool.connect();
    try {
      await client.query("begin");
      const locked = await client.query({ text: `select ${INCIDENT_SELECT} from "incidents" where "incidents"."id" = $1 for update`, values: [incidentId] });
      const incident = locked.rows[0] as { version: number; last_event_seq: number; is_private: boolean } | undefined;
      if (!incident) throw new Error(`incident ${incidentId} not found`);
      const seq = incident.last_event_seq + 1;
      const now = new Date();
      await client.query(
        `insert into "incident_events" ("id", "incident_id", "seq", "version", "kind", "actor_id", "occurred_at", "recorded_at", "data", "body", "supersedes_id")
         values (default, $1, $2, $3, $4, $5, $6, default, $7, $8, $9)`,
        [incidentId, seq, incident.version, "note.added", actorId, now, "{}", body, null],
      );
      await client.query("select pg_notify($1, $2)", ["daytwo_incident_events", JSON.stringify({ incidentId, seq, isPrivate: incident.is_private })]);
      await client.query(`update "incidents" set "version" = $1, "last_event_seq" = $2, "updated_at" = $3 where "incidents"."id" = $4 returning ${INCIDENT_COLUMNS.map((c) => `"${c}"`).join(", ")}`, [
        incident.version,
        seq,
        now,
        incidentId,
      ]);
      await client.query(`insert into "incident_participants" ("incident_id", "user_id", "added_by_id", "added_at") values ($1, $2, $3, default) on conflict do nothing`, [
        incidentId,
        actorId,
        actorId,
      ]);
      await client.query(
        `insert into "audit_log" ("id", "actor_id", "action", "entity_type", "entity_id", "before", "after", "request_id", "created_at")
         values (default, $1, $2, $3, $4, $5, $6, $7, default)`,
        [actorId, "incident.note_added", "incident", incidentId, null, JSON.stringify({ length: body.length }), null],
      );
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Runs `op` back to back from `concurrency` workers for `seconds`: the closed loop autocannon runs. */
export async function loadSql(op: () => Promise<void>, concurrency: number, seconds: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const cpuBefore = ownCpuMicros();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await op();
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpuMicros = ownCpuMicros() - cpuBefore;
  const elapsed = (performance.now() - started) / 1000;
  if (latencies.length === 0) throw new Error(`every raw SQL call failed: ${firstError instanceof Error ? firstError.message : String(firstError)}`);
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: latencies.length / elapsed, count: latencies.length, errors, cpuMicros };
}
