// kill -9 of the app while a webhook is in flight: after a restart the event is delivered, and the
// receiver's log of accepted ids holds it exactly once. Runs the real server process (npm start) on
// this run's engine, with a 3 s delivery lease so the test need not wait the default minute.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { notificationChannels, workspace } from "@/db/schema";
import { seal } from "@/server/crypto/secret-box";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { freePort, startApp, stopAllApps } from "@/test/app-process";
import { type AppDatabase, prepareAppDatabase } from "@/test/app-database";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { generateWebhookSecret } from "./signing";

const LEASE_SECONDS = 3;

/**
 * While `holding`, leaves every request unanswered (the app dies with it in flight: on a loaded machine
 * the lease may run out and the same delivery arrive again before the kill lands); then answers 200.
 */
async function startHoldingReceiver() {
  const log = { holding: true, requests: [] as string[], accepted: [] as string[], held: [] as http.ServerResponse[] };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const id = String(req.headers["webhook-id"] ?? "");
      log.requests.push(id);
      if (log.holding) {
        log.held.push(res);
        return;
      }
      // A careful receiver: a repeated webhook-id is acknowledged and not processed again.
      if (!log.accepted.includes(id)) log.accepted.push(id);
      res.writeHead(200).end("ok");
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    log,
    url: `http://127.0.0.1:${port}/hooks`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

let receiver: Awaited<ReturnType<typeof startHoldingReceiver>>;
let app: AppDatabase<{ incidentId: string }>;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  receiver = await startHoldingReceiver();
  // Seeded before the server starts: the declaration's event waits in the outbox for the first process.
  app = await prepareAppDatabase(async (db) => {
    const admin = await createActor(db, "admin");
    await db
      .update(workspace)
      .set({ outboundAllowHosts: ["127.0.0.1"] })
      .where(eq(workspace.id, 1));
    await db.insert(notificationChannels).values({
      name: "Held receiver",
      kind: "webhook",
      targetSealed: seal(receiver.url),
      targetHint: "127.0.0.1/…",
      secretSealed: seal(generateWebhookSecret(randomBytes(24))),
      eventTypes: ["incident.declared"],
    });
    const { id } = await declareIncident({ ctx: contextFor(db, admin), input: { title: "Crash mid-delivery", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    return { incidentId: id };
  });
});
afterAll(async () => {
  await stopAllApps();
  await receiver?.close();
  await app?.close();
  vi.unstubAllEnvs();
});

const waitFor = (what: string, check: () => boolean, timeoutMs = 60_000) =>
  vi.waitFor(
    () => {
      if (!check()) throw new Error(`still waiting for ${what}`);
    },
    { timeout: timeoutMs, interval: 50 },
  );

it("delivers an event whose sender was killed mid-delivery after the restart, accepted once", async () => {
  const env = { ...app.env, DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS) };
  const first = await startApp(env);
  await waitFor("the first attempt to reach the receiver", () => receiver.log.held.length > 0);
  // kill -9 with the request in flight: the process never hears an answer, nothing is recorded.
  await first.crash();
  receiver.log.holding = false;
  const [inFlight] = receiver.log.requests;
  expect(receiver.log.accepted).toEqual([]);
  const beforeRestart = receiver.log.requests.length;

  const restarted = await startApp(env);
  await waitFor("the delivery after the restart", () => receiver.log.accepted.length > 0, 30_000);
  expect(receiver.log.accepted).toEqual([inFlight]);
  // Nothing more comes: wait out two more leases and the 2 s sweep.
  await new Promise((resolve) => setTimeout(resolve, (2 * LEASE_SECONDS + 2) * 1000));
  // Every request carried the same webhook-id; after the restart exactly one more came.
  expect(receiver.log.requests).toEqual(Array.from({ length: beforeRestart + 1 }, () => inFlight));
  expect(receiver.log.accepted).toEqual([inFlight]);
  await restarted.stop();
}, 180_000);
