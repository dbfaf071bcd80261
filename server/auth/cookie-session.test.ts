// The session cookie read outside Next (tRPC endpoint, co-editing socket).
import { encode } from "@auth/core/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/context";
import { createActor } from "@/test/actors";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { userFromCookieHeader } from "./cookie-session";

const SECURE = "__Secure-authjs.session-token";
const PLAIN = "authjs.session-token";

let database: TestDatabase;
let actor: Actor;
beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  database = await createTestDatabase();
  actor = await createActor(database.db, "responder");
});
afterAll(() => database.close());

const tokenFor = (salt: string) => encode({ token: { sub: actor.id, sid: actor.sessionId, name: actor.name, email: actor.email }, secret: TEST_AUTH_SECRET, salt });

describe("reading the session cookie", () => {
  it("accepts a token under the name it was sealed for", async () => {
    expect((await userFromCookieHeader(`${SECURE}=${await tokenFor(SECURE)}`))?.id).toBe(actor.id);
    expect((await userFromCookieHeader(`${PLAIN}=${await tokenFor(PLAIN)}`))?.id).toBe(actor.id);
  });

  it("refuses a __Secure- token under the plain name, even after it was accepted under its own", async () => {
    const token = await tokenFor(SECURE);
    expect((await userFromCookieHeader(`${SECURE}=${token}`))?.id).toBe(actor.id);
    expect(await userFromCookieHeader(`${PLAIN}=${token}`)).toBeNull();
  });

  it("refuses a plain token under the __Secure- name, even after it was accepted under its own", async () => {
    const token = await tokenFor(PLAIN);
    expect((await userFromCookieHeader(`${PLAIN}=${token}`))?.id).toBe(actor.id);
    expect(await userFromCookieHeader(`${SECURE}=${token}`)).toBeNull();
  });
});
