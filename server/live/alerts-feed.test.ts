// The alerts page's live signal: a NOTIFY on the alerts channel (sent by ingestion at commit) reaches
// open pages as "alerts changed", a storm is folded into about one signal a second, and a stream ends
// when its session does, like every other live stream.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endSession } from "@/server/auth/sessions";
import { setUserActive } from "@/server/users/set-active";
import { createAlertSource } from "@/server/alerts/sources/create";
import { contextFor, createActor } from "@/test/actors";
import { storeGeneric } from "@/test/alert-rows";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { openSubscription } from "@/test/trpc-call";
import { ALERTS_CHANNEL } from "./alerts-channel";
import { alertsFeed } from "./alerts-feed";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

// Async, so each call runs at once: a drizzle query left un-awaited (`void notify()`) never runs.
const notify = async () => {
  await database.db.execute(sql`select pg_notify(${ALERTS_CHANNEL}, '')`);
};

/** Reads a stream in the background: how many signals it gave, and how it ended (resolved or the error). */
function watch(feed: AsyncGenerator<null>) {
  const state = { heard: 0 };
  const done = (async () => {
    for await (const _ of feed) state.heard += 1;
    return "ended";
  })().catch((error: unknown) => error);
  return { state, done };
}

/** The stream is silent until alerts change: it is listening once a NOTIFY is heard. */
async function untilListening(state: { heard: number }) {
  await expect
    .poll(
      async () => {
        await notify();
        return state.heard;
      },
      { timeout: 5000, interval: 300 },
    )
    .toBeGreaterThan(0);
}

describe("alerts live signal", () => {
  it("signals at once an alert stored after the page's list was read but before its stream opened", async () => {
    const admin = contextFor(database.db, await createActor(database.db, "admin"));
    const { source } = await createAlertSource({ ctx: admin, input: { name: "Gap", kind: "generic" } });
    const readAt = new Date(Date.now() - 1_000);
    await storeGeneric(database.db, source, { title: "Arrived in the gap" });
    // Past the hub's folding of a burst (1 s): the NOTIFY of that store has been handed out already.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const opened = await openSubscription(database.db, admin.actor, "alerts.onChanged", { since: readAt }, 5_000);
    expect(opened).toMatchObject({ status: 200, data: { changed: true } });
  });

  it("tells an open page through tRPC that alerts changed", async () => {
    const viewer = await createActor(database.db, "viewer");
    const opening = openSubscription(database.db, viewer, "alerts.onChanged", undefined, 5_000);
    // The stream registers with the hub asynchronously; keep announcing until it has heard one.
    const timer = setInterval(() => void notify(), 200);
    const result = await opening.finally(() => clearInterval(timer));
    expect(result).toMatchObject({ status: 200, data: { changed: true } });
    expect((await openSubscription(database.db, null, "alerts.onChanged", undefined)).status).toBe(401);
  });

  it("hears alerts stored by ingestion, at their commit", async () => {
    const admin = await createActor(database.db, "admin");
    const { source } = await createAlertSource({ ctx: contextFor(database.db, admin), input: { name: "Uptime", kind: "generic" } });
    const controller = new AbortController();
    const stream = watch(alertsFeed({ actor: admin }, controller.signal));
    await untilListening(stream.state);
    // Past the coalescing second, so this alert is told at once.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const before = stream.state.heard;
    await storeGeneric(database.db, source, { title: "Homepage down" });
    await expect.poll(() => stream.state.heard, { timeout: 3_000 }).toBeGreaterThan(before);
    controller.abort();
  });

  it("folds a storm of 200 alerts into about one signal a second", async () => {
    const viewer = await createActor(database.db, "viewer");
    const controller = new AbortController();
    const stream = watch(alertsFeed({ actor: viewer }, controller.signal));
    await untilListening(stream.state);
    const before = stream.state.heard;
    const started = Date.now();
    for (let n = 0; n < 200; n++) await notify();
    // The last of the storm is never lost: a trailing signal follows it.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const seconds = (Date.now() - started) / 1000;
    const signals = stream.state.heard - before;
    controller.abort();
    expect(signals).toBeGreaterThan(0);
    expect(signals).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
  });

  it("ends with 'session ended' when the page's session is signed out or its account deactivated", async () => {
    const responder = await createActor(database.db, "responder");
    const signedOut = watch(alertsFeed({ actor: responder }, new AbortController().signal));
    await untilListening(signedOut.state);
    await endSession(database.db, responder.sessionId);
    expect(await signedOut.done).toMatchObject({ kind: "unauthenticated", message: expect.stringMatching(/session has ended/) });

    const admin = await createActor(database.db, "admin");
    const other = await createActor(database.db, "viewer");
    const deactivated = watch(alertsFeed({ actor: other }, new AbortController().signal));
    await untilListening(deactivated.state);
    await setUserActive({ ctx: contextFor(database.db, admin), input: { userId: other.id, isActive: false } });
    expect(await deactivated.done).toMatchObject({ kind: "unauthenticated" });
  });
});
