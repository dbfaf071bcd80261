// A private, migrated database for one test file, on whichever engine the run uses.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { openDatabase, setDatabase, type Database } from "@/db/client";
import { adminUrl, withDatabaseName } from "./postgres-admin";

/** Also registers it as the process's database, as server/main.ts does, for code that calls getDatabase(). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await openTestDatabase();
  setDatabase(Promise.resolve(database));
  return database;
}

/** `url` is set on PostgreSQL, so a test can open a second pool: another app instance. */
export type TestDatabase = Database & { url?: string };

async function openTestDatabase(): Promise<TestDatabase> {
  if (inject("engine") === "pglite") {
    const dump = fs.readFileSync(inject("pgliteDump"));
    return openDatabase({ engine: "pglite", loadDataDir: new Blob([dump]) });
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL vanished between global setup and the test file");
  const name = `${inject("runId")}_${randomBytes(4).toString("hex")}`;
  const admin = await adminUrl(url);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${inject("templateName")}"`);
        break;
      } catch (error) {
        // 55006: another worker is copying the template at this instant; wait and retry.
        if ((error as { code?: string }).code !== "55006" || attempt > 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ engine: "postgres", url: withDatabaseName(url, name), max: 4 });
  const close = database.close;
  return {
    ...database,
    url: withDatabaseName(url, name),
    async close() {
      await close();
      const dropper = await adminUrl(url);
      await dropper.query(`drop database if exists "${name}" with (force)`).finally(() => dropper.end());
    },
  };
}
