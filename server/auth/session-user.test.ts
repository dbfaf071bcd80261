import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import type { Actor } from "@/server/context";
import { setUserActive } from "@/server/users/set-active";
import { changeRole } from "@/server/users/change-role";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { eventually } from "@/test/eventually";
import { loadSessionUser } from "./session-user";

let database: TestDatabase;
let admin: Actor;
let rita: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin", "Ada Admin");
  rita = await createActor(database.db, "responder", "Rita Responder");
});
afterAll(() => database.close());

describe("the signed-in account, remembered between requests", () => {
  it("loses a role or access on the very next request after an admin changes it", async () => {
    expect(await loadSessionUser(rita.id)).toMatchObject({ role: "responder" });
    await changeRole({ ctx: contextFor(database.db, admin), input: { userId: rita.id, role: "viewer" } });
    expect(await loadSessionUser(rita.id)).toMatchObject({ role: "viewer" });
    await setUserActive({ ctx: contextFor(database.db, admin), input: { userId: rita.id, isActive: false } });
    expect(await loadSessionUser(rita.id)).toBeNull();
    await setUserActive({ ctx: contextFor(database.db, admin), input: { userId: rita.id, isActive: true } });
    expect(await loadSessionUser(rita.id)).toMatchObject({ role: "viewer" });
  });

  it("forgets an account changed outside this process (another instance, or by hand in SQL)", async () => {
    expect(await loadSessionUser(admin.id)).toMatchObject({ name: "Ada Admin" });
    // Not through the verbs: only the users trigger's NOTIFY can tell this process.
    await database.db.update(users).set({ name: "Ada Renamed" }).where(eq(users.id, admin.id));
    expect(await eventually(async () => (await loadSessionUser(admin.id))?.name === "Ada Renamed", 50)).toBe(true);
    await database.db.execute(sql`update users set deactivated_at = now() where id = ${admin.id}`);
    expect(await eventually(async () => (await loadSessionUser(admin.id)) === null, 50)).toBe(true);
  });
});
