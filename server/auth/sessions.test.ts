// Sign-out ends the session for real: a copied session cookie is refused over HTTP afterwards, after
// "sign out everywhere" from another browser, and after a deactivation; open live streams end too.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { incidentFeed } from "@/server/live/incident-feed";
import { setUserActive } from "@/server/users/set-active";
import { contextFor, createActor, TEST_PASSWORD } from "@/test/actors";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { startTrpcServer, type TrpcServer } from "@/test/trpc-server";
import { createSession, endSession, signOutEverywhere } from "./sessions";

let database: TestDatabase;
let server: TrpcServer;
let handlers: typeof import("./config")["handlers"];
beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  // Auth.js reads its secret when the configuration is built, at import: so after the line above.
  handlers = (await import("./config")).handlers;
  database = await createTestDatabase();
  server = await startTrpcServer();
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

const ORIGIN = "http://localhost:3000";
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);

/** One browser: the cookies Auth.js set in it, and the forms it posts to Auth.js's own routes. */
async function browserSignedIn(user: { email: string }) {
  const csrf = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const post = (path: string, fields: Record<string, string>) =>
    handlers.POST(
      new NextRequest(`${ORIGIN}/api/auth/${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
        body: new URLSearchParams({ csrfToken, ...fields }),
      }),
    );
  const signIn = await post("callback/credentials", { email: user.email, password: TEST_PASSWORD });
  const session = cookiesOf(signIn).find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in set no session cookie (status ${signIn.status})`);
  jar.push(session);
  return { cookie: session, signOut: () => post("signout", {}) };
}

/** A signed-in API call as the browser (or whoever copied its cookie) makes it. */
const call = (cookie: string) => fetch(`${server.base}notifications.unreadCount?input=${encodeURIComponent(JSON.stringify({}))}`, { headers: { cookie } });

describe("server-side sessions", () => {
  it("a session cookie copied before sign-out is refused after it", async () => {
    const user = await createActor(database.db, "responder");
    const browser = await browserSignedIn(user);
    const copied = browser.cookie;
    expect((await call(copied)).status).toBe(200);

    await browser.signOut();

    const refused = await call(copied);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/session has ended/i);
  });

  it("'sign out everywhere' from one browser signs out every other one, copied cookies included", async () => {
    const user = await createActor(database.db, "responder");
    const laptop = await browserSignedIn(user);
    const phone = await browserSignedIn(user);
    expect((await call(phone.cookie)).status).toBe(200);

    await signOutEverywhere(user.id);

    expect((await call(phone.cookie)).status).toBe(401);
    expect((await call(laptop.cookie)).status).toBe(401);
    // Signing in again afterwards works: only the old sessions ended.
    expect((await call((await browserSignedIn(user)).cookie)).status).toBe(200);
  });

  it("a deactivation ends every session, so a reactivated account's old cookies stay dead", async () => {
    const admin = await createActor(database.db, "admin");
    const user = await createActor(database.db, "responder");
    const browser = await browserSignedIn(user);
    const ctx = contextFor(database.db, admin);
    await setUserActive({ ctx, input: { userId: user.id, isActive: false } });
    await setUserActive({ ctx, input: { userId: user.id, isActive: true } });
    expect((await call(browser.cookie)).status).toBe(401);
  });

  it("signing out ends that session's open live stream, not the same person's other sessions", async () => {
    const user = await createActor(database.db, "responder");
    const { id } = await declareIncident({ ctx: contextFor(database.db, user), input: { title: "Sessions", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    const elsewhere: Actor = { ...user, sessionId: await createSession(database.db, user.id) };

    /** Reads a stream in the background: whether it has sent its first message, and how it ended. */
    const open = (actor: Actor, signal?: AbortSignal) => {
      const stream = { isOpen: false, ending: null as unknown };
      void (async () => {
        for await (const _ of incidentFeed(contextFor(database.db, actor), id, 0, signal)) stream.isOpen = true;
        return "ended";
      })()
        .catch((error: unknown) => error)
        .then((ending) => (stream.ending = ending));
      return stream;
    };
    const controller = new AbortController();
    const here = open(user);
    const there = open(elsewhere, controller.signal);
    await expect.poll(() => here.isOpen && there.isOpen, { timeout: 5000 }).toBe(true);

    await endSession(database.db, user.sessionId);

    await expect.poll(() => here.ending, { timeout: 5000 }).toMatchObject({ kind: "unauthenticated" });
    expect(there.ending).toBeNull();
    controller.abort();
  });
});
