// The CSRF gate in front of every route (server/main.ts composes it the same way around tRPC, Next's
// route handlers, server actions and Auth.js): a write from another site never reaches a mutation.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import type { Actor } from "@/server/context";
import { createTrpcHandler } from "@/server/trpc/http-handler";
import { createActor } from "@/test/actors";
import { sessionCookie, TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { isOwnOriginSocket, isSameSiteWrite, refuseCrossSiteWrites, type SiteSettings } from "./cross-site";

const direct: SiteSettings = { trustProxy: false };
const request = (method: string, headers: Record<string, string>, url = "/api/trpc/notifications.markAllRead") => ({ method, url, headers: { host: "daytwo.example.com", ...headers } });

describe("which writes count as the app's own", () => {
  it.each([
    ["a GET from anywhere", request("GET", { origin: "https://evil.example" }), direct, true],
    ["a POST from the same origin", request("POST", { origin: "https://daytwo.example.com", "content-type": "multipart/form-data; boundary=x" }), direct, true],
    ["a POST from another origin", request("POST", { origin: "https://evil.example", "content-type": "application/json" }), direct, false],
    ["a POST from a sibling host", request("POST", { origin: "https://daytwo.example.com.evil.example" }), direct, false],
    ["a POST from another port", request("POST", { origin: "https://daytwo.example.com:8443" }), direct, false],
    ["a POST with Origin: null", request("POST", { origin: "null", "content-type": "application/json" }), direct, false],
    ["a JSON POST without Origin (scripts, curl)", request("POST", { "content-type": "application/json" }), direct, true],
    ["a form POST without Origin", request("POST", { "content-type": "application/x-www-form-urlencoded" }), direct, false],
    ["a multipart POST without Origin", request("POST", { "content-type": "multipart/form-data; boundary=x" }), direct, false],
    ["a text/plain POST without Origin", request("POST", { "content-type": "text/plain" }), direct, false],
    ["a JSON-looking text type without Origin", request("POST", { "content-type": "application/jsonp" }), direct, false],
    ["a JSON POST flagged cross-site by the browser", request("POST", { "content-type": "application/json", "sec-fetch-site": "cross-site" }), direct, false],
    [
      "a POST from AUTH_URL's origin behind a proxy",
      request("POST", { origin: "https://public.example.com", host: "10.0.0.5:3000" }),
      { trustProxy: false, authUrl: "https://public.example.com" },
      true,
    ],
    [
      "a POST matching X-Forwarded-Host when the proxy is trusted",
      request("POST", { origin: "https://public.example.com", host: "10.0.0.5:3000", "x-forwarded-host": "public.example.com" }),
      { trustProxy: true },
      true,
    ],
    ["a POST matching X-Forwarded-Host when the proxy is not trusted", request("POST", { origin: "https://evil.example", "x-forwarded-host": "evil.example" }), direct, false],
    ["the identity provider's form_post answer", request("POST", { origin: "https://sso.example.com" }, "/api/auth/callback/oidc"), direct, true],
    ["a server action from another site", request("POST", { origin: "https://evil.example", "next-action": "abc" }, "/incidents"), direct, false],
  ])("%s", (_label, req, settings, expected) => {
    expect(isSameSiteWrite(req, settings)).toBe(expected);
  });

  it("refuses a WebSocket opened by a page on another site", () => {
    expect(isOwnOriginSocket({ headers: { host: "daytwo.example.com", origin: "https://evil.example" } }, direct)).toBe(false);
    expect(isOwnOriginSocket({ headers: { host: "daytwo.example.com", origin: "https://daytwo.example.com" } }, direct)).toBe(true);
    expect(isOwnOriginSocket({ headers: { host: "daytwo.example.com" } }, direct)).toBe(true);
  });
});

describe("a cross-site form posted at a mutation", () => {
  let database: TestDatabase;
  let server: http.Server;
  let base: string;
  let actor: Actor;
  let cookie: string;
  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    database = await createTestDatabase();
    actor = await createActor(database.db, "responder");
    cookie = await sessionCookie({ id: actor.id, name: actor.name, email: actor.email });
    server = http.createServer(refuseCrossSiteWrites(createTrpcHandler(), direct));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc/`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  const unread = async () =>
    (
      await database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
    ).length;

  it("is refused with 403 and a sentence, and marks nothing read", async () => {
    await database.db.insert(notifications).values([
      { userId: actor.id, kind: "overdue", title: "One" },
      { userId: actor.id, kind: "overdue", title: "Two" },
    ]);
    const form = new FormData();
    form.set("anything", "x");
    for (const headers of [{ cookie, origin: "https://evil.example" }, { cookie }] as Record<string, string>[]) {
      const response = await fetch(`${base}notifications.markAllRead`, { method: "POST", headers, body: form });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/came from another site/);
    }
    expect(await unread()).toBe(2);
  });

  it("lets the app's own JSON call through", async () => {
    const response = await fetch(`${base}notifications.markAllRead`, {
      method: "POST",
      headers: { cookie, origin: base.replace(/\/api\/trpc\/$/, ""), "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(200);
    expect(await unread()).toBe(0);
  });
});
