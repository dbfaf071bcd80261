import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Actor } from "@/server/context";
import { createActor, TEST_PASSWORD } from "@/test/actors";
import { createTestDatabase } from "@/test/database";
import { MAX_FAILURES } from "./throttle";
import { verifyCredentials } from "./verify-credentials";

let database: Database;
let person: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  person = await createActor(database.db, "responder", "Tess Throttle");
});
afterAll(() => database.close());

describe("sign-in with email and password", () => {
  it("accepts the right password whatever the email's case", async () => {
    const result = await verifyCredentials(database.db, { email: person.email.toUpperCase(), password: TEST_PASSWORD, ip: "10.0.0.1" });
    expect(result).toMatchObject({ outcome: "signed_in", user: { id: person.id } });
  });

  it("answers the same for a wrong password and an unknown email", async () => {
    const wrong = await verifyCredentials(database.db, { email: person.email, password: "nope", ip: "10.0.0.2" });
    const unknown = await verifyCredentials(database.db, { email: "nobody@test.example", password: "nope", ip: "10.0.0.2" });
    expect(wrong).toEqual({ outcome: "refused" });
    expect(unknown).toEqual({ outcome: "refused" });
  });

  it("throttles an account after repeated failures, says when to retry, and lifts after the window", async () => {
    const target = await createActor(database.db, "viewer", "Bruce Force");
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) {
      // A different address each time: the per-account limit must still hold.
      await verifyCredentials(database.db, { email: target.email, password: "guess", ip: `10.1.0.${i}`, now: t0 });
    }
    const blocked = await verifyCredentials(database.db, { email: target.email, password: TEST_PASSWORD, ip: "10.9.9.9", now: new Date(t0.getTime() + 20_000) });
    expect(blocked).toEqual({ outcome: "throttled", retryAfterSeconds: 40 });
    const later = await verifyCredentials(database.db, { email: target.email, password: TEST_PASSWORD, ip: "10.9.9.9", now: new Date(t0.getTime() + 61_000) });
    expect(later.outcome).toBe("signed_in");
  });

  it("throttles an address spraying many accounts", async () => {
    const t0 = new Date("2026-01-01T11:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) {
      await verifyCredentials(database.db, { email: `spray${i}@test.example`, password: "guess", ip: "192.0.2.7", now: t0 });
    }
    const fromSprayer = await verifyCredentials(database.db, { email: person.email, password: TEST_PASSWORD, ip: "192.0.2.7", now: t0 });
    expect(fromSprayer.outcome).toBe("throttled");
    const fromElsewhere = await verifyCredentials(database.db, { email: person.email, password: TEST_PASSWORD, ip: "192.0.2.8", now: t0 });
    expect(fromElsewhere.outcome).toBe("signed_in");
  });
});
