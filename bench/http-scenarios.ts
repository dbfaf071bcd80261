// The incident scenarios: each is driven over HTTP with autocannon against the running app, and its
// equivalent raw SQL through a `pg` Pool at the same concurrency, in alternating slices (API, SQL,
// API, SQL…): this machine's speed drifts by a quarter within a minute, and a ratio of two runs taken
// back to back in one slice each is much steadier than one of two long runs far apart.
import autocannon from "autocannon";
import pg from "pg";
import { transformer } from "@/lib/trpc/transformer";
import { groupCpuMicros } from "./process-cpu";
import { addNoteSql, type Caller, getSql, listSql, loadSql, timelineSql, type Figures, type ListFilter } from "./raw-sql";

export type ScenarioResult = {
  key: string;
  label: string;
  /** Null when the endpoint did not answer 200 before the run; apiError then says why. */
  api: Figures | null;
  apiError?: string;
  sql: Figures;
  /** API p50 ÷ SQL p50 of each round (API slice, then SQL slice); empty when the API errored. */
  ratios: number[];
  /** The most API p50 may be, as a multiple of raw SQL p50 (the issue that set the target). */
  limit: number;
};

export type ScenarioOptions = {
  baseUrl: string;
  databaseUrl: string;
  bigIncidentId: string;
  /** Per side: split into `rounds` alternating slices. */
  seconds: number;
  rounds: number;
  connections?: number;
  log?: (line: string) => void;
  /** The server's log, to name the cause of a failing endpoint. */
  serverOutput?: () => string;
  /** The server's process group, whose CPU per request the report shows beside the raw client's. */
  serverGroup?: number;
  /** Scenario keys to run (BENCH_SCENARIOS, e.g. "get,rest-get"); all when absent. */
  only?: string[];
};

type Scenario = {
  key: string;
  label: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
  sql: () => Promise<void>;
  /** The public REST API (/api/v1, an API token) instead of the UI's tRPC with a session cookie. */
  viaRestApi?: boolean;
  /** Run instead when this scenario's endpoint fails its pre-flight request. */
  fallback?: Scenario;
};

export const DEMO_ADMIN = { email: "admin@example.com", password: "daytwo-demo" };
const CONNECTIONS = 32;
const BENCH_TOKEN_NAME = "Bench reader";
// Unmeasured requests per connection before each timed run, on both sides: enough for V8 to
// optimize the hot paths, so the figures are the steady state a long-running server serves (one
// round left the first scenario measuring a half-warm JIT).
const WARM_UP_ROUNDS = 20;
// The app's pool size (db/client.ts default), so the raw side gets the same database parallelism.
const APP_POOL_SIZE = 10;
// Issue 11 set ≤ 3× raw SQL for the UI's procedures; issue 15 ≤ 2× for the public API's list and get.
const TRPC_LIMIT = 3;
const REST_LIMIT = 2;
const NOTE_BODY = "Benchmark note: error rate back under 0.1% after the rollback; keeping the incident open for an hour.";

/** tRPC GET with the app's transformer and batching off: `?input=<serialized input>`. */
export const queryPath = (procedure: string, input: unknown) => `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(transformer.serialize(input)))}`;
export const mutationBody = (input: unknown) => JSON.stringify(transformer.serialize(input));

/** "name=value" pairs from Set-Cookie headers, ready for a Cookie header. */
function cookiePairs(setCookies: string[]): string[] {
  return setCookies.map((line) => line.split(";")[0] ?? "").filter((pair) => pair.includes("="));
}

/**
 * Signs in through Auth.js's credentials callback like the sign-in form does and returns the
 * Cookie header value carrying the session token.
 */
export async function signIn(baseUrl: string, credentials = DEMO_ADMIN): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf returned no csrfToken");
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      // Makes Auth.js answer JSON {url} instead of a 302, so the Set-Cookie headers are easy to read.
      "X-Auth-Return-Redirect": "1",
      cookie: cookiePairs(csrf.headers.getSetCookie()).join("; "),
    },
    body: new URLSearchParams({ ...credentials, csrfToken, callbackUrl: "/incidents" }),
  });
  await callback.text();
  const session = cookiePairs(callback.headers.getSetCookie()).find((pair) => pair.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in as ${credentials.email} set no session cookie (HTTP ${callback.status})`);
  const check = await fetch(`${baseUrl}${queryPath("incidents.list", {})}`, { headers: { cookie: session } });
  const text = await check.text();
  if (check.status !== 200) throw new Error(`the session cookie does not work: incidents.list answered ${check.status}: ${text.slice(0, 300)}`);
  return session;
}

/**
 * Waits until no other session runs a statement in this database, so one run's leftovers (requests
 * the server is still answering after autocannon stopped) do not load the next run.
 */
async function waitForIdleDatabase(pool: pg.Pool, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (let quietChecks = 0; quietChecks < 2 && performance.now() < deadline; ) {
    const { rows } = await pool.query<{ active: number }>("select count(*)::int as active from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'");
    quietChecks = rows[0]?.active === 0 ? quietChecks + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The app answers a 500 with only a reference (the request id); its log line for that id carries
 * the database error, which is what the report needs to show.
 */
async function causeFromLog(message: string, serverOutput?: () => string): Promise<string | null> {
  const reference = message.match(/reference: ([0-9a-f-]{36})/)?.[1];
  if (!reference || !serverOutput) return null;
  await new Promise((resolve) => setTimeout(resolve, 300));
  const line = serverOutput()
    .split("\n")
    .find((candidate) => candidate.includes(reference));
  if (!line) return null;
  try {
    const entry = JSON.parse(line) as { err?: { stack?: string; message?: string } };
    const text = `${entry.err?.stack ?? ""}\n${entry.err?.message ?? ""}`;
    return text.match(/caused by: (?:error: )?([^\n]+)/)?.[1] ?? entry.err?.message?.split("\n")[0] ?? null;
  } catch {
    return null;
  }
}

/** One request before the run: a scenario whose endpoint errors is reported, not benchmarked. */
async function preflight(baseUrl: string, auth: Record<string, string>, scenario: Scenario, serverOutput?: () => string): Promise<string | null> {
  const res = await fetch(`${baseUrl}${scenario.path}`, {
    method: scenario.method,
    headers: { ...auth, ...(scenario.body ? { "content-type": "application/json" } : {}) },
    body: scenario.body,
  });
  const text = await res.text();
  if (res.status === 200) return null;
  let message = text.slice(0, 200);
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string }; message?: string };
    message = parsed.error?.message ?? parsed.message ?? message;
  } catch {
    // Not tRPC JSON: keep the raw text.
  }
  const cause = await causeFromLog(message, serverOutput);
  return `HTTP ${res.status}: ${cause ?? message}`;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Several slices' figures as one: the median of each latency and rate, every request and error counted. */
function combined(slices: Figures[]): Figures {
  return {
    p50: median(slices.map((f) => f.p50)),
    p99: median(slices.map((f) => f.p99)),
    rps: median(slices.map((f) => f.rps)),
    count: slices.reduce((sum, f) => sum + f.count, 0),
    errors: slices.reduce((sum, f) => sum + f.errors, 0),
    cpuMicros: slices.every((f) => typeof f.cpuMicros === "number") ? slices.reduce((sum, f) => sum + (f.cpuMicros ?? 0), 0) : null,
  };
}

/** Either a timed run or exactly `amount` requests (a warm-up that leaves nothing in flight). */
async function loadApi(baseUrl: string, auth: Record<string, string>, scenario: Scenario, connections: number, run: { seconds: number } | { amount: number }, serverGroup?: number): Promise<Figures> {
  const cpuBefore = serverGroup ? groupCpuMicros(serverGroup) : null;
  const result = await autocannon({
    url: `${baseUrl}${scenario.path}`,
    method: scenario.method,
    headers: { ...auth, ...(scenario.body ? { "content-type": "application/json" } : {}) },
    body: scenario.body,
    connections,
    ...("seconds" in run ? { duration: run.seconds } : { amount: run.amount }),
    // Well above the default 10 s: a slow endpoint at 32 connections must still be measured, not
    // dropped as a timeout (autocannon records latencies of completed 2xx responses only).
    timeout: 120,
  });
  const cpuAfter = serverGroup ? groupCpuMicros(serverGroup) : null;
  // Latencies are recorded for 2xx responses only; failures are counted so the table can flag them.
  return {
    cpuMicros: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result["2xx"] / result.duration,
    count: result["2xx"],
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

function listScenario(key: string, label: string, pool: pg.Pool, filter: ListFilter, input: unknown): Scenario {
  return { key, label, method: "GET", path: queryPath("incidents.list", input), sql: listSql(pool, filter) };
}

/** The REST scenarios' floor is the SQL the app sends for the token's actor (the viewer role). */
function scenarios(pool: pg.Pool, bigIncidentId: string, actorId: string, tokenCaller: Caller): Scenario[] {
  const filtered = { statuses: ["resolved"], severityIds: [2] };
  return [
    listScenario("list", "list, first page", pool, { sort: "active_first" }, {}),
    {
      ...listScenario("list-filtered", "list, filtered (resolved, SEV2, newest)", pool, { ...filtered, sort: "newest" }, { ...filtered, sort: "newest" }),
      // Same filter in the default order: still a filtered list to measure if "newest" errors.
      fallback: listScenario("list-filtered-active", "list, filtered (resolved, SEV2, active first)", pool, { ...filtered, sort: "active_first" }, { ...filtered, sort: "active_first" }),
    },
    { key: "get", label: "get one", method: "GET", path: queryPath("incidents.get", { incidentId: bigIncidentId }), sql: getSql(pool, bigIncidentId) },
    { key: "rest-list", label: "REST /api/v1: list, first page", method: "GET", path: "/api/v1/incidents", sql: listSql(pool, { sort: "active_first" }, tokenCaller), viaRestApi: true },
    { key: "rest-get", label: "REST /api/v1: get one", method: "GET", path: `/api/v1/incidents/${bigIncidentId}`, sql: getSql(pool, bigIncidentId, tokenCaller), viaRestApi: true },
    {
      key: "timeline",
      label: "timeline, 500 events",
      method: "GET",
      path: queryPath("incidents.timeline", { incidentId: bigIncidentId }),
      sql: timelineSql(pool, bigIncidentId),
    },
    {
      key: "add-note",
      label: "add a note",
      method: "POST",
      path: "/api/trpc/incidents.addNote",
      body: mutationBody({ incidentId: bigIncidentId, body: NOTE_BODY }),
      sql: addNoteSql(pool, bigIncidentId, actorId, NOTE_BODY),
    },
  ];
}

/** A workspace token that reads incidents, made the way an admin makes one (Settings → API tokens). */
async function createApiToken(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/trpc/apiTokens.create`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    // Well above the bench's request count: the limit is not what is measured.
    body: mutationBody({ name: BENCH_TOKEN_NAME, scopes: ["incidents:read"], requestsPerMinute: 100_000 }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`apiTokens.create answered ${response.status}: ${text.slice(0, 300)}`);
  const token = (transformer.deserialize((JSON.parse(text) as { result: { data: unknown } }).result.data) as { token?: string }).token;
  if (!token) throw new Error("apiTokens.create returned no token");
  return token;
}

/**
 * Runs every scenario, API first then raw SQL, each after an unmeasured warm-up of WARM_UP_ROUNDS
 * requests per connection (route modules, JIT, pool connections). The timeline runs before add-note, which appends to the
 * same incident, so the timeline reads exactly 500 events.
 */
export async function runScenarios(options: ScenarioOptions): Promise<ScenarioResult[]> {
  const { baseUrl, seconds } = options;
  const connections = options.connections ?? CONNECTIONS;
  const log = options.log ?? (() => {});
  const cookie = await signIn(baseUrl);
  const token = await createApiToken(baseUrl, cookie);
  const authFor = (scenario: Scenario): Record<string, string> => (scenario.viaRestApi ? { authorization: `Bearer ${token}` } : { cookie });
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: APP_POOL_SIZE });
  pool.on("error", () => {});
  const results: ScenarioResult[] = [];
  try {
    const { rows } = await pool.query<{ id: string }>("select id from users where lower(email) = $1", [DEMO_ADMIN.email]);
    const actorId = rows[0]?.id;
    if (!actorId) throw new Error(`no user ${DEMO_ADMIN.email} in the benchmark database`);
    const tokenActor = await pool.query<{ actor_user_id: string; role: string }>("select t.actor_user_id, u.role from api_tokens t join users u on u.id = t.actor_user_id where t.name = $1", [
      BENCH_TOKEN_NAME,
    ]);
    const tokenRow = tokenActor.rows[0];
    if (tokenRow?.role !== "viewer") throw new Error(`the bench token should act as a viewer, found ${tokenRow?.role ?? "no token"}`);
    const tokenCaller: Caller = { kind: "viewer", actorId: tokenRow.actor_user_id };

    const only = options.only;
    for (const planned of scenarios(pool, options.bigIncidentId, actorId, tokenCaller).filter((scenario) => !only || only.includes(scenario.key))) {
      const queue: Scenario[] = [planned];
      for (let scenario = queue.shift(); scenario; scenario = queue.shift()) {
        const apiError = await preflight(baseUrl, authFor(scenario), scenario, options.serverOutput);
        if (apiError) {
          log(`  ${scenario.label}: API not benchmarked — ${apiError}`);
          if (scenario.fallback) queue.push(scenario.fallback);
        } else {
          await loadApi(baseUrl, authFor(scenario), scenario, connections, { amount: connections * WARM_UP_ROUNDS });
        }
        for (let round = 0; round < WARM_UP_ROUNDS; round++) await Promise.all(Array.from({ length: connections }, () => scenario.sql()));
        const rounds = apiError ? 1 : options.rounds;
        const slice = seconds / rounds;
        log(`  ${scenario.label}: ${apiError ? "" : `API (${connections} connections) and `}raw SQL (${connections} workers), ${rounds} × ${slice.toFixed(1)} s each…`);
        const apiSlices: Figures[] = [];
        const sqlSlices: Figures[] = [];
        for (let round = 0; round < rounds; round++) {
          if (!apiError) {
            apiSlices.push(await loadApi(baseUrl, authFor(scenario), scenario, connections, { seconds: slice }, options.serverGroup));
            // autocannon abandons in-flight requests at the deadline; the server still finishes them.
            await waitForIdleDatabase(pool);
          }
          sqlSlices.push(await loadSql(scenario.sql, connections, slice));
        }
        const api = apiError ? null : combined(apiSlices);
        const sql = combined(sqlSlices);
        const ratios = apiSlices.map((figures, index) => figures.p50 / sqlSlices[index]!.p50);
        results.push({ key: scenario.key, label: scenario.label, api, ...(apiError ? { apiError } : {}), sql, ratios, limit: scenario.viaRestApi ? REST_LIMIT : TRPC_LIMIT });
      }
    }
  } finally {
    await pool.end();
  }
  return results;
}
