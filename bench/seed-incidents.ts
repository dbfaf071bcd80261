// Fills a freshly migrated PostgreSQL database with a realistic incident history for the
// benchmarks. Everything is set-based (insert … select … generate_series): row-by-row inserts
// through the app would take hours for 2M timeline events.
//
//   node_modules/.bin/tsx bench/seed-incidents.ts postgres://root@127.0.0.1:5432/daytwo_x 100000
import { pathToFileURL } from "node:url";
import type { Pool } from "pg";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoWorkspace } from "@/server/workspace/seed/demo-workspace";

export type SeedReport = {
  incidents: number;
  events: number;
  /** The one incident with exactly 500 events: the "incident with 500 events" scenario reads it. */
  bigIncidentId: string;
  seconds: number;
  phases: { label: string; seconds: number }[];
};

export const BIG_INCIDENT_EVENTS = 500;
// ~20 events per incident on average (1..39, uniform), so 100k incidents give ~2M events.
const MAX_EVENTS_PER_INCIDENT = 39;
const SPAN_SECONDS = 2 * 365 * 24 * 3600;
// Events are inserted in slices of incidents, two at a time: one PostgreSQL backend per core.
const EVENT_SLICE = 10_000;
const EVENT_PARALLELISM = 2;

// Non-viewers, in a stable order: they declare, command and write on incidents.
const PEOPLE = `(select array_agg(id order by email) from users where role <> 'viewer' and deactivated_at is null)`;

const INCIDENTS_SQL = `
with refs as (
  select ${PEOPLE} as people, (select array_agg(name order by name) from services) as service_names
), base as (
  select n, gen_random_uuid() as id,
    random() as r_status, random() as r_pick, random() as r_sev, random() as r_drill, random() as r_private,
    random() as r_ack, random() as r_mit, random() as r_res, random() as r_close, random() as r_events, random() as r_title,
    -- Evenly spread over two years and numbered in declaration order, like INC-<n> allocation.
    now() - interval '1 day' - (($1::int - n) + random()) * ($2::float8 / $1::int) * interval '1 second' as declared_at
  from generate_series(1, $1::int) as n
), planned as (
  select b.*, lag(b.id) over (order by b.n) as previous_id,
    (case
      when b.n = $3::int then 'resolved'
      -- ~2% open: mostly among the newest 1%, a few stragglers anywhere.
      when b.r_status < 0.015 or (b.n > $1::int * 0.99 and b.r_status < 0.5) then (array['triage','investigating','identified','monitoring'])[1 + floor(b.r_pick * 4)::int]
      when b.r_status < 0.035 then 'declined'
      when b.r_status < 0.055 then 'canceled'
      when b.r_status < 0.065 and b.n > 1 then 'merged'
      when b.r_status < 0.265 then 'resolved'
      else 'closed'
    end)::incident_status as status,
    b.declared_at + (1 + b.r_ack * 14) * interval '1 minute' as ack_at,
    b.declared_at + (1 + b.r_ack * 14 + 10 + b.r_mit * 170) * interval '1 minute' as mit_at,
    b.declared_at + (1 + b.r_ack * 14 + 10 + b.r_mit * 170 + 5 + b.r_res * 60) * interval '1 minute' as res_at
  from base b
)
insert into incidents (id, number, title, summary, severity_id, status, kind, is_private, customer_impact, closing_reason, merged_into_id,
  impact_started_at, detected_at, declared_at, acknowledged_at, mitigated_at, resolved_at, closed_at, version, last_event_seq, declared_by_id, updated_at)
select p.id, p.n,
  (array['Elevated error rate on','Latency spike in','Partial outage of','Degraded performance of','Failed deploy of','Certificate expiry on','Failover affecting','Queue backlog in'])[1 + floor(p.r_title * 8)::int]
    || ' ' || refs.service_names[1 + floor(random() * cardinality(refs.service_names))::int],
  (array['Customers saw intermittent 5xx responses.','Requests timed out for a subset of regions.','A config change rolled out to all hosts at once.','Alerts fired on saturation before customers noticed.'])[1 + floor(random() * 4)::int],
  case when p.r_sev < 0.05 then 1 when p.r_sev < 0.20 then 2 when p.r_sev < 0.60 then 3 else 4 end,
  p.status,
  (case when p.r_drill < 0.03 then 'drill' else 'incident' end)::incident_kind,
  p.n <> $3::int and p.r_private < 0.05,
  case when p.r_sev < 0.20 then 'Some customers could not complete checkout.' else '' end,
  case p.status when 'declined' then 'Not an incident: expected during maintenance.' when 'canceled' then 'Declared by mistake.'
    when 'merged' then 'Duplicate of INC-' || (p.n - 1) end,
  case when p.status = 'merged' then p.previous_id end,
  p.declared_at - (5 + p.r_ack * 55) * interval '1 minute',
  p.declared_at - p.r_ack * 5 * interval '1 minute',
  p.declared_at,
  case when p.status in ('triage','declined','canceled','merged') then null else p.ack_at end,
  case when p.status in ('monitoring','resolved','closed') then p.mit_at end,
  case when p.status in ('resolved','closed') then p.res_at end,
  -- res_at is at most ~5 h after declaration and declarations end a day ago, so this stays ordered.
  case when p.status = 'closed' then least(p.res_at + (1 + p.r_close * 10) * interval '1 day', now()) end,
  1,
  case when p.n = $3::int then ${BIG_INCIDENT_EVENTS} else 1 + floor(p.r_events * ${MAX_EVENTS_PER_INCIDENT})::int end,
  refs.people[1 + floor(random() * cardinality(refs.people))::int],
  p.declared_at
from planned p, refs`;

// One or two services each; the pick CTE is referenced twice, so it is materialized once.
const SERVICES_SQL = `
with svc as (select array_agg(id order by name) as ids from services),
pick as (
  select i.id, svc.ids, floor(random() * cardinality(svc.ids))::int as a, floor(random() * (cardinality(svc.ids) - 1))::int as b, random() < 0.4 as two
  from incidents i, svc
)
insert into incident_services (incident_id, service_id)
select id, ids[1 + a] from pick
union all
select id, ids[1 + (a + 1 + b) % cardinality(ids)] from pick where two`;

const COMMANDERS_SQL = `
insert into incident_role_assignments (incident_id, role_type_id, user_id, assigned_by_id, assigned_at)
select i.id, r.id, refs.people[1 + floor(random() * cardinality(refs.people))::int], i.declared_by_id, i.declared_at
from incidents i, (select id from incident_role_types where key = 'commander') r, (select ${PEOPLE} as people) refs`;

// Events are written by the declarer or the commander only, so these two are all the participants.
const PARTICIPANTS_SQL = `
insert into incident_participants (incident_id, user_id, added_by_id, added_at)
select i.id, i.declared_by_id, i.declared_by_id, i.declared_at from incidents i
union
select a.incident_id, a.user_id, i.declared_by_id, i.declared_at
from incident_role_assignments a join incidents i on i.id = a.incident_id`;

// seq 1..last_event_seq per incident, so last_event_seq is the max seq by construction; occurred_at
// steps 2 minutes per seq with < 100 s jitter, so it increases with seq.
const EVENTS_SQL = `
insert into incident_events (incident_id, seq, version, kind, actor_id, occurred_at, recorded_at, data, body)
select e.incident_id, e.seq, 1, e.kind, e.actor_id, e.occurred_at, e.occurred_at, e.data, e.body
from (
  select i.id as incident_id, s.seq,
    case when s.seq = 1 then 'incident.declared' when s.seq = 2 then 'role.assigned' when s.seq % 10 = 0 then 'status.changed'
      when s.seq % 10 = 5 then 'status_update.posted' else 'note.added' end as kind,
    case when s.seq = 1 or (s.seq > 2 and random() < 0.5) then i.declared_by_id else c.user_id end as actor_id,
    i.declared_at + (s.seq - 1) * interval '2 minutes' + case when s.seq > 1 then random() * interval '100 seconds' else interval '0' end as occurred_at,
    case
      when s.seq = 1 then jsonb_build_object('title', i.title, 'severity', 'SEV' || i.severity_id, 'kind', i.kind, 'services', '[]'::jsonb, 'isPrivate', i.is_private)
      when s.seq = 2 then jsonb_build_object('role', 'Incident commander', 'roleKey', 'commander', 'user', u.name, 'userId', u.id, 'previous', null)
      when s.seq % 10 = 0 then jsonb_build_object('from', 'investigating', 'to', 'identified', 'reason', null, 'mergedInto', null, 'stamped', '[]'::jsonb, 'reopened', false)
      when s.seq % 10 = 5 then jsonb_build_object('status', 'investigating')
      else '{}'::jsonb
    end as data,
    case
      when s.seq <= 2 or s.seq % 10 = 0 then null
      when s.seq % 10 = 5 then 'We are still investigating elevated errors. Next update in 30 minutes.'
      else (array['Rolled back the last deploy on two hosts; error rate unchanged so far.',
        'Connection pool is saturated on the primary; looking at slow queries.',
        'Paged the owning team, they are joining the call.',
        'Customer support reports tickets about failed payments since 14:05.',
        'Dashboards show p99 latency back under 300 ms.',
        'Disabled the feature flag for new checkout; watching graphs.',
        'Found a retry storm from the mobile client after the timeout change.',
        'Scaled the consumer group from 6 to 12 instances.'])[1 + floor(random() * 8)::int] || ' (#' || s.seq || ')'
    end as body
  from incidents i
  join incident_role_assignments c on c.incident_id = i.id and c.released_at is null
  join users u on u.id = c.user_id
  cross join lateral generate_series(1, i.last_event_seq) as s(seq)
  where i.number between $1 and $2
) e`;

async function timed<T>(phases: SeedReport["phases"], label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  phases.push({ label, seconds: (performance.now() - started) / 1000 });
  return result;
}

/** Runs fn over slices [lo, hi] of 1..total with at most `parallel` in flight. */
async function inSlices(total: number, size: number, parallel: number, fn: (lo: number, hi: number) => Promise<void>): Promise<void> {
  let next = 1;
  const worker = async () => {
    while (next <= total) {
      const lo = next;
      next += size;
      await fn(lo, Math.min(lo + size - 1, total));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

export async function seedIncidents(url: string, size: number): Promise<SeedReport> {
  if (!Number.isSafeInteger(size) || size < 2) throw new Error(`size must be an integer ≥ 2, got ${size}`);
  const started = performance.now();
  const phases: SeedReport["phases"] = [];
  // The migrator needs two connections (lock holder + migrator); the event slices need two more.
  const database = await openDatabase({ engine: "postgres", url, max: EVENT_PARALLELISM + 2 });
  try {
    if (database.driver.kind !== "postgres") throw new Error("seedIncidents needs PostgreSQL");
    const pool: Pool = database.driver.pool;
    await timed(phases, "migrate + demo workspace", async () => {
      await migrateDatabase(database);
      const { seeded } = await seedDemoWorkspace(database.db);
      if (!seeded) throw new Error("the database already has users: seed a fresh one");
    });
    const bigNumber = Math.ceil(size / 2);
    await timed(phases, "incidents", async () => {
      await pool.query(INCIDENTS_SQL, [size, SPAN_SECONDS, bigNumber]);
      await pool.query("update workspace set last_incident_number = $1 where id = 1", [size]);
    });
    await timed(phases, "services, commanders, participants", async () => {
      await pool.query(SERVICES_SQL);
      await pool.query(COMMANDERS_SQL);
      await pool.query(PARTICIPANTS_SQL);
    });
    await timed(phases, "timeline events", () => inSlices(size, EVENT_SLICE, EVENT_PARALLELISM, (lo, hi) => pool.query(EVENTS_SQL, [lo, hi]).then(() => {})));
    // VACUUM as well as ANALYZE: a bulk load leaves no visibility map or hint bits, and autovacuum
    // would otherwise start on these tables in the middle of the measurements.
    await timed(phases, "vacuum analyze", () => pool.query("vacuum (analyze)"));

    const { rows } = await pool.query<{ id: string; events: string; total: string }>(
      `select (select id from incidents where number = $1) as id,
              (select count(*) from incident_events e join incidents i on i.id = e.incident_id where i.number = $1) as events,
              (select count(*) from incident_events) as total`,
      [bigNumber],
    );
    const check = rows[0];
    if (!check || Number(check.events) !== BIG_INCIDENT_EVENTS) throw new Error(`the big incident has ${check?.events} events, expected ${BIG_INCIDENT_EVENTS}`);
    return { incidents: size, events: Number(check.total), bigIncidentId: check.id, seconds: (performance.now() - started) / 1000, phases };
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [url, size] = process.argv.slice(2);
  if (!url || !size) {
    console.error("usage: tsx bench/seed-incidents.ts <postgres url of a fresh database> <incidents>");
    process.exit(2);
  }
  const report = await seedIncidents(url, Number(size.replaceAll("_", "")));
  for (const phase of report.phases) console.log(`  ${phase.label}: ${phase.seconds.toFixed(1)} s`);
  console.log(`Seeded ${report.incidents} incidents, ${report.events} events in ${report.seconds.toFixed(1)} s (500-event incident ${report.bigIncidentId})`);
}
