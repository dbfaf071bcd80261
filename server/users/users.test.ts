import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { Actor } from "@/server/context";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase } from "@/test/database";
import { changeRole } from "./change-role";
import { createUser } from "./create";
import { createFirstAdmin } from "./create-first-admin";
import { setUserActive } from "./set-active";

let database: Database;
let admin: Actor;
let responder: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin", "Ada Admin");
  responder = await createActor(database.db, "responder", "Rita Responder");
});
afterAll(() => database.close());

const auditRows = (entityId: string, action: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe("users", () => {
  it("an admin creates a user who can then sign in, and the audit log records it", async () => {
    const ctx = contextFor(database.db, admin);
    const created = await createUser({ ctx, input: { email: "new.person@test.example", name: "New Person", role: "viewer", password: "long enough pw" } });
    expect(created).toMatchObject({ email: "new.person@test.example", role: "viewer", isActive: true });
    expect(created).not.toHaveProperty("passwordHash");
    const [row] = await auditRows(created.id, "user.created");
    expect(row).toMatchObject({ actorId: admin.id, requestId: ctx.requestId, after: { role: "viewer" } });
    const signIn = await verifyCredentials(database.db, { email: "NEW.person@test.example", password: "long enough pw", ip: null });
    expect(signIn.outcome).toBe("signed_in");
  });

  it("refuses a second account with the same email, whatever its case, and writes nothing", async () => {
    const ctx = contextFor(database.db, admin);
    await expect(createUser({ ctx, input: { email: "RITA.RESPONDER@test.example", name: "Dup", role: "viewer", password: "long enough pw" } })).rejects.toMatchObject({ kind: "conflict" });
    expect(await database.db.select().from(users).where(eq(users.name, "Dup"))).toHaveLength(0);
  });

  it("only admins create users or change roles", async () => {
    const ctx = contextFor(database.db, responder);
    await expect(createUser({ ctx, input: { email: "x@test.example", name: "X", role: "admin", password: "long enough pw" } })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(changeRole({ ctx, input: { userId: responder.id, role: "admin" } })).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("changes a role and records before and after", async () => {
    const target = await createActor(database.db, "viewer");
    const updated = await changeRole({ ctx: contextFor(database.db, admin), input: { userId: target.id, role: "responder" } });
    expect(updated.role).toBe("responder");
    const [row] = await auditRows(target.id, "user.role_changed");
    expect(row).toMatchObject({ before: { role: "viewer" }, after: { role: "responder" } });
  });

  it("never leaves the workspace without an active admin", async () => {
    const ctx = contextFor(database.db, admin);
    await expect(changeRole({ ctx, input: { userId: admin.id, role: "viewer" } })).rejects.toMatchObject({ kind: "conflict" });
    await expect(setUserActive({ ctx, input: { userId: admin.id, isActive: false } })).rejects.toMatchObject({ kind: "conflict" });
    const [still] = await database.db.select().from(users).where(eq(users.id, admin.id));
    expect(still?.role).toBe("admin");
  });

  it("a deactivated user cannot sign in, keeps their row, and can be reactivated", async () => {
    const target = await createActor(database.db, "responder", "Dee Activated");
    const ctx = contextFor(database.db, admin);
    await setUserActive({ ctx, input: { userId: target.id, isActive: false } });
    const refused = await verifyCredentials(database.db, { email: target.email, password: "correct horse battery", ip: null });
    expect(refused.outcome).toBe("refused");
    expect(await database.db.select().from(users).where(eq(users.id, target.id))).toHaveLength(1);
    await setUserActive({ ctx, input: { userId: target.id, isActive: true } });
    const allowed = await verifyCredentials(database.db, { email: target.email, password: "correct horse battery", ip: null });
    expect(allowed.outcome).toBe("signed_in");
    expect(await auditRows(target.id, "user.deactivated")).toHaveLength(1);
  });

  it("the first admin can only be created on an empty workspace", async () => {
    await expect(createFirstAdmin({ db: database.db, input: { email: "late@test.example", name: "Late", password: "long enough pw" }, requestId: "r" })).rejects.toMatchObject({ kind: "conflict" });
  });
});
