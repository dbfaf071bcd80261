// Run as `node --import tsx server/main.ts`: one process, so SIGTERM/SIGINT reach the handler below
// directly (the tsx CLI's wrapper would SIGKILL a child that is slow to answer, mid-PGlite write).
// The one Daytwo process: Next's request handler, the co-editing WebSocket (/collab) and the live
// feed (in the tRPC routes), and the job worker (pg-boss). One process because PGlite has one owner.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { checkEnv, setProcessSetting } from "@/env";
import { ensureAuthSecret } from "./startup/auth-secret";
import { openCheckedDatabase, StartupError } from "./startup/open-checked";

const startedAt = performance.now();
const isDev = process.argv.includes("--dev");
if (!process.env.NODE_ENV) setProcessSetting("NODE_ENV", isDev ? "development" : "production");

function fail(message: string): never {
  console.error(`daytwo: ${message}`);
  process.exit(1);
}

async function main() {
  const checked = checkEnv();
  if (!checked.ok) fail(checked.message);
  const env = checked.env;
  const dataDir = path.resolve(env.DATA_DIR);
  setProcessSetting("AUTH_SECRET", ensureAuthSecret(dataDir, env.AUTH_SECRET));
  if (env.DATABASE_URL && !env.AUTH_SECRET) {
    console.warn("daytwo: AUTH_SECRET is not set; using the one in .data/. Set it when you run several instances.");
  }

  const { setDatabase } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedDemoWorkspace, DEMO_PASSWORD, demoUsers } = await import("@/server/workspace/seed/demo-workspace");
  const pgliteDir = path.resolve(env.PGLITE_DIR ?? path.join(dataDir, "pglite"));
  const database = await openCheckedDatabase({ url: env.DATABASE_URL, pgliteDir });
  setDatabase(Promise.resolve(database));
  if (!isDev && !fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.log("daytwo: no production build yet — building once (about half a minute)…");
    const build = spawnSync(process.execPath, [createRequire(import.meta.url).resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
    if (build.status !== 0) fail("the build failed; see the output above.");
  }

  await migrateDatabase(database);
  if (database.engine === "pglite" && env.DEMO_SEED === "auto") {
    const { seeded } = await seedDemoWorkspace(database.db);
    if (seeded) await (await import("@/server/workspace/seed/history")).seedDemoHistory(database.db);
  }
  const { isDemoMode } = await import("@/server/workspace/is-demo");
  const isDemo = await isDemoMode(database.db, database.engine);

  // Reminders and their emails. A scan at start-up, so due reminders show without waiting for the schedule.
  const { startJobs } = await import("@/server/jobs/start-jobs");
  const { createMailer } = await import("@/server/mail/mailer");
  const jobs = await startJobs({ database, url: env.DATABASE_URL, mailer: createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }), scanOnStart: true });
  // PGlite never vacuums, and a PostgreSQL server may run with autovacuum off: then the app does it.
  const vacuuming = await (await import("@/server/jobs/vacuum-when-needed")).startVacuuming(database);

  const NativeDate = Date;
  const { default: next } = await import("next");
  const app = (next as unknown as typeof import("next").default)({ dev: isDev, hostname: env.HOST, port: env.PORT, dir: process.cwd() });
  await app.prepare();
  // Next swaps the global Date for a wrapper that reports clock reads to its cacheComponents
  // prerendering, which Daytwo does not use. Every Date the database driver builds went through
  // that wrapper (3% of a 500-event timeline), so the native one goes back.
  if (globalThis.Date !== NativeDate) {
    globalThis.Date = NativeDate;
    Object.defineProperty(NativeDate.prototype, "constructor", { value: NativeDate, writable: true, configurable: true });
  }
  const handle = app.getRequestHandler();
  const { createTrpcHandler, TRPC_PATH } = await import("@/server/trpc/http-handler");
  const handleTrpc = createTrpcHandler();
  const trustProxy = env.TRUST_PROXY === "true";
  const { isOwnOriginSocket, refuseCrossSiteWrites } = await import("@/server/http/cross-site");
  const { applySecurityHeaders } = await import("@/server/http/security-headers");
  const site = { authUrl: env.AUTH_URL, trustProxy };

  // The live hub listens from the start: its connection is also how the app knows the database is there.
  const { hubFor } = await import("@/server/live/hub");
  await hubFor(database).whenReady();
  const { answerUnavailable } = await import("@/server/startup/unavailable-page");
  const { answerMalformedPath, hasMalformedPath } = await import("@/server/startup/malformed-path");
  const { handleAlertsRequest, isAlertsRequest } = await import("@/server/http/alerts-endpoint");
  const { handleMetricsRequest, isMetricsRequest } = await import("@/server/http/metrics-endpoint");
  const { metrics } = await import("@/server/metrics/registry");
  const { routeLabel } = await import("@/server/metrics/route-label");
  const { registerGauges } = await import("@/server/metrics/gauges");
  const { handleApiV1Request, isApiV1Request } = await import("@/server/api-v1/handler");
  const { handleLiveRequest, isLiveRequest } = await import("@/server/http/live-endpoint");

  // The one CSRF gate, in front of tRPC, route handlers, server actions and Auth.js alike.
  const dispatch = refuseCrossSiteWrites((req, res) => {
    if (req.url?.startsWith(TRPC_PATH)) handleTrpc(req, res);
    else if (isLiveRequest(req.url)) handleLiveRequest(req, res);
    else if (isAlertsRequest(req.url)) handleAlertsRequest(req, res);
    else if (isMetricsRequest(req.url)) handleMetricsRequest(req, res, env.METRICS_TOKEN);
    else if (isApiV1Request(req.url)) handleApiV1Request(req, res);
    else if (hasMalformedPath(req.url ?? "/")) answerMalformedPath(res);
    // Pages need the database; scripts and styles (/_next/) do not, so an open page keeps working.
    else if (database.listener.state === "down" && !req.url?.startsWith("/_next/")) answerUnavailable(res);
    else void handle(req, res);
  }, site);
  const { httpRequests } = metrics();
  const server = http.createServer((req, res) => {
    const endTimer = httpRequests.startTimer();
    res.once("finish", () => endTimer({ method: req.method ?? "GET", route: routeLabel(req.url, res.statusCode), status: String(res.statusCode) }));
    // Never trust a client's own claim of these: they feed logs, audit rows and sign-in throttling.
    req.headers["x-request-id"] = randomUUID();
    const forwarded = trustProxy
      ? String(req.headers["x-forwarded-for"] ?? "")
          .split(",")[0]
          ?.trim()
      : "";
    req.headers["x-daytwo-client-ip"] = forwarded || req.socket.remoteAddress || "unknown";
    const isPage = !req.url?.startsWith("/api/") && !req.url?.startsWith("/_next/static/");
    applySecurityHeaders(req, res, { isPage, isDev, oidcIssuer: env.OIDC_ISSUER });
    dispatch(req, res);
  });
  const { createCollabServer } = await import("@/server/collab/collab-server");
  const collab = createCollabServer(env.REDIS_URL ? { redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX } } : {});
  await collab.ready().catch((error: unknown) => fail(`REDIS_URL cannot be reached: ${error instanceof Error ? error.message : String(error)}`));
  registerGauges({ database, boss: jobs.boss, liveStreams: () => hubFor(database).streamCount, collabConnections: collab.connectionCount });
  const upgradeNext = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => {
    if (!isOwnOriginSocket(req, site)) socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else if (collab.handlesUpgrade(req)) collab.upgrade(req, socket, head);
    else void upgradeNext(req, socket, head);
  });

  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") fail(`PORT ${env.PORT} is already in use on ${env.HOST}. Stop the other program or set PORT to a free port.`);
    fail(error.message);
  });
  server.listen(env.PORT, env.HOST, () => {
    const shownHost = env.HOST === "0.0.0.0" || env.HOST === "127.0.0.1" ? "localhost" : env.HOST;
    const where = database.engine === "pglite" ? `embedded database in ${path.relative(process.cwd(), pgliteDir) || "."}` : "PostgreSQL";
    console.log(`Daytwo ready on http://${shownHost}:${env.PORT} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s (${where})`);
    if (isDemo) {
      const admin = demoUsers.find((user) => user.role === "admin");
      console.log(`Demo sign-in: ${admin?.email} / ${DEMO_PASSWORD}  (also responder@example.com and viewer@example.com)`);
    }
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`daytwo: ${signal} received, shutting down`);
    server.close();
    server.closeAllConnections();
    await collab.close().catch(collab.onError);
    await app.close().catch(() => {});
    vacuuming.stop();
    // Running jobs finish (bounded) while the database is still open.
    await jobs.stop().catch((error: unknown) => console.error("daytwo: stopping the job worker failed", error));
    // Closing PGlite cleanly keeps its sequences and WAL consistent for the next start.
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) fail(error.message);
  console.error(error);
  fail("start-up failed; see the error above.");
});
