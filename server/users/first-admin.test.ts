import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createFirstAdmin, hasAnyUser } from "./create-first-admin";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("an empty workspace", () => {
  it("makes its first account the admin, exactly once, even when two people race for it", async () => {
    expect(await hasAnyUser(database.db)).toBe(false);
    const attempts = await Promise.allSettled([
      createFirstAdmin({ db: database.db, input: { email: "first@test.example", name: "First", password: "long enough pw" }, requestId: "a" }),
      createFirstAdmin({ db: database.db, input: { email: "second@test.example", name: "Second", password: "long enough pw" }, requestId: "b" }),
    ]);
    const created = attempts.filter((a): a is PromiseFulfilledResult<Awaited<ReturnType<typeof createFirstAdmin>>> => a.status === "fulfilled");
    expect(created).toHaveLength(1);
    expect(created[0]?.value.role).toBe("admin");
    expect(attempts.find((a) => a.status === "rejected")).toMatchObject({ reason: { kind: "conflict" } });
    const signIn = await verifyCredentials(database.db, { email: created[0]!.value.email, password: "long enough pw", ip: null });
    expect(signIn).toMatchObject({ outcome: "signed_in", user: { role: "admin" } });
  });
});
