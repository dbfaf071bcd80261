// The per-minute limit counted in blocks: several instances (separate lease maps) on one database
// together never let more than the limit through, a small limit is counted exactly, and a refusal
// says how long to wait.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokenRate } from "@/db/schema";
import type { Actor } from "@/server/context";
import { createActor } from "@/test/actors";
import { makeToken } from "@/test/api-server";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { minuteWindows } from "./minute-window";

let database: TestDatabase;
let admin: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
});
afterAll(() => database?.close());

/** Starts clear of a minute boundary, so every request below falls in one window. */
async function awayFromMinuteEnd() {
  const second = new Date().getUTCSeconds();
  if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

const tokenId = async () => (await makeToken(database.db, admin, { scopes: ["incidents:read"] })).apiToken.id;

describe("the per-minute window", () => {
  it("lets exactly the limit through across three instances taking turns, and refuses the rest with the wait", async () => {
    await awayFromMinuteEnd();
    const id = await tokenId();
    const instances = [minuteWindows(), minuteWindows(), minuteWindows()];
    const limit = 1200; // 20 slots per block
    let allowed = 0;
    let refusedWith: number | null = null;
    for (let i = 0; i < 1500; i++) {
      const wait = await instances[i % 3]!(database.db, "apiToken", id, limit);
      if (wait === null) allowed++;
      else refusedWith ??= wait;
    }
    // Every block taken is used up before its instance asks again, so nothing is lost or exceeded.
    expect(allowed).toBe(limit);
    expect(refusedWith).toBeGreaterThanOrEqual(1);
    expect(refusedWith).toBeLessThanOrEqual(60);
    // Blocks, not requests, reach the database.
    const [row] = await database.db.select().from(apiTokenRate).where(eq(apiTokenRate.tokenId, id));
    expect(row!.requests).toBeLessThan(1500);
  });

  it("counts a small limit one request at a time, exactly", async () => {
    await awayFromMinuteEnd();
    const id = await tokenId();
    const [a, b] = [minuteWindows(), minuteWindows()];
    const answers = [];
    for (const instance of [a, b, a, b, a]) answers.push(await instance!(database.db, "apiToken", id, 3));
    expect(answers.slice(0, 3)).toEqual([null, null, null]);
    expect(answers[3]).toBeGreaterThanOrEqual(1);
    expect(answers[4]).toBeGreaterThanOrEqual(1);
  });
});

describe("concurrent requests on one instance", () => {
  it("share one refill: 64 at once on an empty lease all pass and take one block, not 64", async () => {
    await awayFromMinuteEnd();
    const id = await tokenId();
    const instance = minuteWindows();
    const limit = 6000; // 100 slots per block
    const answers = await Promise.all(Array.from({ length: 64 }, () => instance(database.db, "apiToken", id, limit)));
    expect(answers.every((answer) => answer === null)).toBe(true);
    const [row] = await database.db.select().from(apiTokenRate).where(eq(apiTokenRate.tokenId, id));
    expect(row!.requests).toBe(100);
  });

  it("lets exactly the limit through when requests arrive in bursts larger than a block", async () => {
    await awayFromMinuteEnd();
    const id = await tokenId();
    const instance = minuteWindows();
    const limit = 1200; // 20 slots per block, bursts of 50
    let allowed = 0;
    for (let burst = 0; burst < 30; burst++) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => instance(database.db, "apiToken", id, limit)));
      allowed += answers.filter((answer) => answer === null).length;
    }
    expect(allowed).toBe(limit);
  });
});
