import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import type { Database } from "./client";
import { services, teams, users, workspace } from "./schema";
import { DEMO_PASSWORD, seedDemoWorkspace } from "./seed";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("demo workspace", () => {
  it("creates every role, three teams and a catalog of owned, tiered services — once", async () => {
    expect(await seedDemoWorkspace(database.db)).toEqual({ seeded: true });
    const roles = await database.db.select({ role: users.role }).from(users);
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(["admin", "responder", "viewer"]));
    expect(await database.db.select().from(teams)).toHaveLength(3);
    const catalog = await database.db.select().from(services);
    expect(catalog.length).toBeGreaterThanOrEqual(8);
    expect(catalog.every((s) => s.ownerTeamId !== null && s.tier >= 1 && s.tier <= 3)).toBe(true);
    expect((await database.db.select().from(workspace))[0]?.isDemo).toBe(true);

    expect(await seedDemoWorkspace(database.db)).toEqual({ seeded: false });
    const [{ count } = { count: 0 }] = await database.db.select({ count: sql<number>`count(*)::int` }).from(users);
    expect(count).toBe(roles.length);
    const signIn = await verifyCredentials(database.db, { email: "viewer@example.com", password: DEMO_PASSWORD, ip: null });
    expect(signIn.outcome).toBe("signed_in");
  });
});
