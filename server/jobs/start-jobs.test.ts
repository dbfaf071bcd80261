import { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { notifications, reminderDeliveries } from "@/db/schema";
import { SMTP_UNSET_ERROR } from "@/server/reminders/email-outbox";
import { createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createItem } from "@/test/reminder-fixtures";
import { isScript, pgliteBossDb } from "./pglite-boss-db";
import { queues } from "./queues";
import { startJobs, type Jobs } from "./start-jobs";

let database: TestDatabase;
let jobs: Jobs | undefined;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await jobs?.stop();
  await database.close();
});

const now = new Date("2026-11-23T09:00:00Z");

describe("the job worker (pg-boss on this engine)", () => {
  it("tells pg-boss's scripts from single statements", () => {
    expect(isScript("BEGIN;\nSELECT 1;\nCOMMIT;\n")).toBe(true);
    expect(isScript("SELECT version from pgboss.version")).toBe(false);
    expect(isScript("UPDATE pgboss.version SET cron_on = now() WHERE x > $1 RETURNING true;")).toBe(false);
  });

  // A fresh PGlite takes seconds to create, far more on a busy machine.
  it("leaves no failed transaction behind when a pg-boss script fails on PGlite", { timeout: 120_000 }, async () => {
    // Its own bare PGlite, whichever engine this run uses: the adapter is PGlite-only.
    const client = await PGlite.create();
    const db = pgliteBossDb(client);
    await expect(db.executeSql("BEGIN;\nCREATE TABLE boss_probe (id int);\nCREATE TABLE boss_probe (id int);\nCOMMIT;\n", [])).rejects.toThrow(/already exists/);
    // The session is usable, and the first CREATE was rolled back with the script.
    expect((await db.executeSql("SELECT to_regclass('boss_probe') AS name", [])).rows).toEqual([{ name: null }]);
    await client.close();
  });

  it("starts, schedules, runs a requested scan through the queue, then the email outbox, and stops", async () => {
    const owner = await createActor(database.db, "responder", "Queue Owner");
    const itemId = await createItem(database.db, { owner, dueAt: new Date(now.getTime() - 3_600_000), title: "Rotate the keys" });
    jobs = await startJobs({ database, url: database.url, mailer: null, now: () => now, pollingIntervalSeconds: 0.5, scanOnStart: true });

    const schedules = await jobs.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron]).sort()).toEqual(
      Object.values(queues)
        .map((q) => [q.name, q.cron])
        .sort(),
    );

    // The worker polls; wait for what it writes rather than for a fixed time.
    await vi.waitFor(
      async () => {
        const [delivery] = await database.db
          .select()
          .from(reminderDeliveries)
          .where(eq(reminderDeliveries.ruleKey, `overdue:${itemId}:2026-11-23`));
        expect(delivery?.emailError).toBe(SMTP_UNSET_ERROR);
      },
      { timeout: 20_000, interval: 200 },
    );
    const rows = await database.db.select().from(notifications).where(eq(notifications.userId, owner.id));
    expect(rows.map((row) => row.title)).toEqual(["Overdue: Rotate the keys"]);

    // A second scan (another instance, a restart) sends nothing new.
    await jobs.requestScan();
    await vi.waitFor(async () => expect(await jobs!.boss.getQueueSize(queues.reminderScan.name, { before: "completed" })).toBe(0), { timeout: 20_000, interval: 200 });
    expect(await database.db.select().from(notifications).where(eq(notifications.userId, owner.id))).toHaveLength(1);

    await jobs.stop();
    jobs = undefined;
  });
});
