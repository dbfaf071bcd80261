// Retries and limits as a client sees them: Idempotency-Key under concurrency, the per-token rate
// limit with Retry-After, and the OpenAPI document checked by a real validator.
import { Validator } from "@seriousme/openapi-schema-validator";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, incidents } from "@/db/schema";
import type { Actor } from "@/server/context";
import { createActor } from "@/test/actors";
import { makeToken, startApiServer, type ApiServer } from "@/test/api-server";
import { createTestDatabase, type TestDatabase } from "@/test/database";

let database: TestDatabase;
let server: ApiServer;
let admin: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  server = await startApiServer();
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const declare = (token: string, title: string, key?: string) =>
  fetch(`${server.base}/incidents`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
    body: JSON.stringify({ title }),
  });

describe("Idempotency-Key", () => {
  it("turns 20 parallel declares with one key into one incident, and every caller gets its answer", async () => {
    const { token } = await makeToken(database.db, admin, { scopes: ["incidents:write"] });
    const before = await database.db.$count(incidents);
    const responses = await Promise.all(Array.from({ length: 20 }, () => declare(token, "Checkout is down", "deploy-4711")));
    const bodies = await Promise.all(responses.map((response) => response.json() as Promise<{ id: string }>));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(new Set(bodies.map((body) => body.id)).size).toBe(1);
    expect(await database.db.$count(incidents)).toBe(before + 1);
    expect(responses.filter((response) => response.headers.get("idempotent-replayed") === "true")).toHaveLength(19);
    // A later retry gets the same answer too; a new key declares a new incident.
    expect(((await (await declare(token, "Checkout is down", "deploy-4711")).json()) as { id: string }).id).toBe(bodies[0]!.id);
    expect(((await (await declare(token, "Checkout is down", "deploy-4712")).json()) as { id: string }).id).not.toBe(bodies[0]!.id);
  });

  it("refuses a key reused for a different request, and keys are per token", async () => {
    const first = await makeToken(database.db, admin, { scopes: ["incidents:write"] });
    const second = await makeToken(database.db, admin, { scopes: ["incidents:write"] });
    expect((await declare(first.token, "One", "shared-key")).status).toBe(200);
    const reused = await declare(first.token, "Another", "shared-key");
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ code: "conflict", field: "Idempotency-Key" });
    expect((await declare(second.token, "Another", "shared-key")).status).toBe(200);
  });

  it("keeps a refused request's answer, so a retry is refused the same way", async () => {
    const { token } = await makeToken(database.db, admin, { scopes: ["incidents:write"] });
    const before = await database.db.$count(incidents);
    const first = await declare(token, "", "empty-title");
    const again = await declare(token, "", "empty-title");
    expect([first.status, again.status]).toEqual([400, 400]);
    expect(await again.json()).toMatchObject({ code: "invalid", field: "title" });
    expect(await database.db.$count(incidents)).toBe(before);
  });
});

describe("the rate limit", () => {
  it("answers 429 with Retry-After past the token's requests a minute, for that token only", async () => {
    const limited = await makeToken(database.db, admin, { scopes: ["incidents:read"], requestsPerMinute: 3 });
    const other = await makeToken(database.db, admin, { scopes: ["incidents:read"] });
    const get = (token: string) => fetch(`${server.base}/incidents`, { headers: { authorization: `Bearer ${token}` } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(limited.token)).status);
    // The fixed window may roll over between calls; then the 4th is the 1st of a new minute.
    const over = await get(limited.token);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect([statuses[3], over.status]).toContain(429);
    const refused = statuses[3] === 429 ? await get(limited.token) : over;
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ code: "rate_limited" });
    expect((await get(other.token)).status).toBe(200);
  });

  it("uses 1,200 a minute unless set otherwise", async () => {
    const { apiToken } = await makeToken(database.db, admin, { scopes: ["incidents:read"] });
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(row?.requestsPerMinute).toBe(1200);
  });
});

describe("the OpenAPI document", () => {
  it("validates as OpenAPI 3.1 and describes scopes and the error shape", async () => {
    const document = (await (await fetch(`${server.base}/openapi.json`)).json()) as { paths: unknown; components: unknown };
    const result = await new Validator().validate(document as unknown as Record<string, never>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const declareOperation = (document.paths as unknown as Record<string, Record<string, { "x-scope": string; responses: Record<string, unknown> }>>)["/incidents"]!.post!;
    expect(declareOperation["x-scope"]).toBe("incidents:write");
    expect(JSON.stringify(document.components)).toContain('"field"');
  });
});
