import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { createTestDatabase } from "@/test/database";
import { recordAudit } from "./record";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("audit log", () => {
  it("keeps what was written and refuses UPDATE, DELETE and TRUNCATE at the database level", async () => {
    const { db } = database;
    await recordAudit(db, { actorId: null, action: "team.created", entityType: "test", entityId: "1", after: { a: 1 }, requestId: "req-1" });
    const [row] = await db.select().from(auditLog).where(eq(auditLog.requestId, "req-1"));
    expect(row).toMatchObject({ entityType: "test", entityId: "1", after: { a: 1 }, requestId: "req-1" });

    await expect(db.update(auditLog).set({ action: "tampered" }).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(db.delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();

    const [after] = await db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(after?.action).toBe("team.created");
  });

  it("rolls back with the change it describes", async () => {
    const { db } = database;
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, { actorId: null, action: "team.created", entityType: "test", entityId: "2", requestId: "req-2" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.select().from(auditLog).where(eq(auditLog.requestId, "req-2"))).toHaveLength(0);
  });
});
