// The tRPC endpoint as the app's own HTTP server serves it: statuses and messages a client receives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/test/actors";
import { sessionCookie, TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { startTrpcServer, type TrpcServer } from "@/test/trpc-server";

let database: TestDatabase;
let server: TrpcServer;
let base: string;
let cookie: string;
beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  database = await createTestDatabase();
  const responder = await createActor(database.db, "responder");
  cookie = await sessionCookie({ id: responder.id, name: responder.name, email: responder.email });
  server = await startTrpcServer();
  base = server.base;
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const errorOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

describe("the tRPC HTTP endpoint", () => {
  it("answers a malformed percent-escape in the path with 400 and a message, not a server error", async () => {
    const response = await fetch(`${base}teams.%E0%A4%A`);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatch(/API address is not valid/);
  });

  it("refuses a signed-out call with 401 and says to sign in", async () => {
    const response = await fetch(`${base}teams.list`);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-length")).toBe(String((await response.clone().arrayBuffer()).byteLength));
    expect(await errorOf(response)).toMatch(/sign in/i);
  });

  it("answers an unknown procedure with 404", async () => {
    const response = await fetch(`${base}teams.nothingHere`);
    expect(response.status).toBe(404);
  });

  it("refuses a signed-in body over 5 MB with 413 and a message", async () => {
    const response = await fetch(`${base}incidents.addNote`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ text: "x".repeat(6 * 1024 * 1024) }) });
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatch(/more than the 5 MB/);
  });

  it("refuses a batch of 21 calls with 400 and says how many are allowed; 20 are answered", async () => {
    const batch = (count: number) => fetch(`${base}${Array(count).fill("teams.list").join(",")}?batch=1`, { headers: { cookie } });
    const tooMany = await batch(21);
    expect(tooMany.status).toBe(400);
    expect(await errorOf(tooMany)).toBe("A request may batch at most 20 calls.");
    const allowed = await batch(20);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toHaveLength(20);
  });

  it("refuses a signed-out body of any size with 401 before reading it", async () => {
    const response = await fetch(`${base}incidents.addNote`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "x".repeat(6 * 1024 * 1024) }) });
    expect(response.status).toBe(401);
  });
});
