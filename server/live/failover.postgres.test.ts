// A database outage under a writer and live watchers, through a TCP proxy this test owns and cuts (the
// shared PostgreSQL server and other tests' connections never notice). Only PostgreSQL has a
// connection to lose; embedded PGlite lives inside the process, so *.postgres.test.ts files run only
// with DATABASE_URL (vitest.config.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setDatabase, type Database } from "@/db/client";
import { forgetSessionUser } from "@/server/auth/session-user";
import type { Actor } from "@/server/context";
import { addNote } from "@/server/incidents/add-note";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { startApp, stopAllApps } from "@/test/app-process";
import { sessionCookie, TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { startTcpProxy, type TcpProxy } from "@/test/tcp-proxy";
import { startTrpcServer, type TrpcServer } from "@/test/trpc-server";
import { oneTo, watch } from "@/test/watchers";
import { incidentFeed } from "./incident-feed";

let database: TestDatabase;
let proxy: TcpProxy;
let app: Database;
let responder: Actor;
let server: TrpcServer;
let base: string;
let cookie: string;

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  database = await createTestDatabase();
  responder = await createActor(database.db, "responder", "Night Shift");
  cookie = await sessionCookie({ id: responder.id, name: responder.name, email: responder.email });
  const { hostname, port } = new URL(database.url ?? "");
  proxy = await startTcpProxy({ host: hostname, port: Number(port || 5432) });
  // "The app": its pools and its LISTEN connection all go through the proxy.
  app = await openDatabase({ engine: "postgres", url: proxy.url(database.url ?? ""), max: 4 });
  setDatabase(Promise.resolve(app));
  server = await startTrpcServer();
  base = server.base;
});
afterAll(async () => {
  await stopAllApps();
  await server.close();
  await app.close();
  await proxy.close();
  await database.close();
});

describe("a database outage", () => {
  it("costs watchers a few seconds and no event: every acknowledged note arrives once, in order, after the return", async () => {
    const ctx = contextFor(app.db, responder);
    const { id } = await declareIncident({ ctx, input: { title: "Failover", severityId: 1, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    const watchers = Array.from({ length: 20 }, () => watch((signal) => incidentFeed({ actor: responder }, id, 0, signal)));
    await expect.poll(() => watchers.every((watcher) => watcher.seqs.length === 2), { timeout: 10_000 }).toBe(true);

    let acknowledged = 2;
    let isWriting = true;
    const writer = (async () => {
      for (let n = 0; isWriting; n++) {
        try {
          const { lastEventSeq } = await addNote({ ctx, input: { incidentId: id, body: `note ${n}` } });
          acknowledged = Math.max(acknowledged, lastEventSeq);
        } catch {
          // Refused during the outage: never acknowledged, so nobody may expect it.
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await proxy.cut();
    await expect.poll(() => watchers.every((watcher) => watcher.messages.some((m) => m.type === "database" && !m.isReachable)), { timeout: 10_000 }).toBe(true);

    // While it is away: a clear 503, no SQL, also when the session itself must be read.
    forgetSessionUser();
    const response = await fetch(`${base}incidents.get?input=${encodeURIComponent(JSON.stringify({ incidentId: id }))}`, { headers: { cookie } });
    const text = await response.text();
    expect(response.status).toBe(503);
    expect(text).toContain("Daytwo cannot reach its database; retrying");
    expect(text).not.toMatch(/select|from "|users|Failed query/i);

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await proxy.restore();
    const returnedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    isWriting = false;
    await writer;

    await expect.poll(() => watchers.every((watcher) => watcher.seqs.length >= acknowledged), { timeout: 5_000 }).toBe(true);
    expect(Date.now() - returnedAt).toBeLessThan(5_000 + 1_500);
    for (const watcher of watchers) expect(watcher.seqs.slice(0, acknowledged)).toEqual(oneTo(acknowledged));
    expect(watchers.every((watcher) => watcher.messages.some((m) => m.type === "database" && m.isReachable))).toBe(true);
    expect(acknowledged).toBeGreaterThan(20);
    await Promise.all(watchers.map((watcher) => watcher.stop()));
  });

  it("a stream opened after the return hears what happens next", async () => {
    const ctx = contextFor(app.db, responder);
    const { id } = await declareIncident({ ctx, input: { title: "After", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    const watcher = watch((signal) => incidentFeed({ actor: responder }, id, 2, signal));
    await expect.poll(() => watcher.hasStarted(), { timeout: 5_000 }).toBe(true);
    await addNote({ ctx, input: { incidentId: id, body: "heard" } });
    await expect.poll(() => watcher.seqs, { timeout: 5_000 }).toEqual([3]);
    await watcher.stop();
  });

  it("the real server answers pages with 503 and a plain message while the database is away, and serves again on its return", async () => {
    const own = await startTcpProxy({ host: "127.0.0.1", port: proxy.port });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-failover-"));
    try {
      const server = await startApp({ DATABASE_URL: own.url(database.url ?? ""), DATA_DIR: dataDir, AUTH_SECRET: TEST_AUTH_SECRET });
      const page = () => fetch(`http://127.0.0.1:${server.port}/sign-in`, { redirect: "manual" });
      expect((await page()).status).toBe(200);
      await own.cut();
      await expect.poll(async () => (await page()).status, { timeout: 5_000 }).toBe(503);
      const body = await (await page()).text();
      expect(body).toContain("Daytwo cannot reach its database; retrying");
      expect(body).not.toMatch(/select |stack|Error:/i);
      await own.restore();
      await expect.poll(async () => (await page()).status, { timeout: 5_000 }).toBe(200);
    } finally {
      await stopAllApps();
      await own.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
