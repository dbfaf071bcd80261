// Tokens are remembered between requests, yet a revocation, an expiry or an owner's demotion or
// deactivation applies on the very next request here, and as soon as the NOTIFY arrives when the
// change came from elsewhere (another instance, or SQL by hand).
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens } from "@/db/schema";
import type { Actor } from "@/server/context";
import { changeRole } from "@/server/users/change-role";
import { setUserActive } from "@/server/users/set-active";
import { contextFor, createActor } from "@/test/actors";
import { makeToken } from "@/test/api-server";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { eventually } from "@/test/eventually";
import { authenticateApiToken } from "./authenticate";
import { revokeApiToken } from "./revoke";

let database: TestDatabase;
let admin: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
});
afterAll(() => database?.close());

const check = (token: string) => authenticateApiToken(database.db, token, "127.0.0.1");
const roleOf = async (token: string) => {
  const caller = await check(token);
  return "actor" in caller ? caller.actor.role : caller.message;
};

describe("a remembered API token", () => {
  it("stops working on the next request after it is revoked", async () => {
    const { token, apiToken } = await makeToken(database.db, admin, { scopes: ["incidents:read"] });
    expect(await roleOf(token)).toBe("viewer");
    expect(await roleOf(token)).toBe("viewer");
    await revokeApiToken({ ctx: contextFor(database.db, admin), input: { tokenId: apiToken.id } });
    expect(await roleOf(token)).toMatch(/was revoked/);
  });

  it("stops working once a change made outside this process is announced", async () => {
    const { token, apiToken } = await makeToken(database.db, admin, { scopes: ["incidents:read"] });
    expect(await roleOf(token)).toBe("viewer");
    await database.db.execute(sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${apiToken.id}`);
    expect(await eventually(async () => /has expired/.test(await roleOf(token)))).toBe(true);
    const other = await makeToken(database.db, admin, { scopes: ["incidents:read"] });
    expect(await roleOf(other.token)).toBe("viewer");
    await database.db.delete(apiTokens).where(eq(apiTokens.id, other.apiToken.id));
    expect(await eventually(async () => /not valid/.test(await roleOf(other.token)))).toBe(true);
  });

  it("follows its owner: a demotion narrows a personal token at once, a deactivation ends it", async () => {
    const rita = await createActor(database.db, "responder");
    const { token } = await makeToken(database.db, rita, { scopes: ["incidents:write"], personal: true });
    expect(await roleOf(token)).toBe("responder");
    await changeRole({ ctx: contextFor(database.db, admin), input: { userId: rita.id, role: "viewer" } });
    expect(await roleOf(token)).toBe("viewer");
    await setUserActive({ ctx: contextFor(database.db, admin), input: { userId: rita.id, isActive: false } });
    expect(await roleOf(token)).toMatch(/owner was deactivated/);
  });

  it("notes where it was last used without a write on every request", async () => {
    const { token, apiToken } = await makeToken(database.db, admin, { scopes: ["incidents:read"] });
    await check(token);
    const [first] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(first!.lastUsedFrom).toBe("127.0.0.1");
    await check(token);
    const [second] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(second!.lastUsedAt).toEqual(first!.lastUsedAt);
    await authenticateApiToken(database.db, token, "10.0.0.7");
    const [third] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(third!.lastUsedFrom).toBe("10.0.0.7");
  });
});
