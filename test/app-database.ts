// A database for a test that starts the real server, seeded by the test's own function. PostgreSQL:
// a fresh database from the run's template. PGlite: a data folder seeded and closed before the
// server opens it (PGlite has one owner).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openDatabase, setDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { TEST_AUTH_SECRET } from "./collab-clients";
import { createTestDatabase } from "./database";

export type AppDatabase<T> = {
  engine: "postgres" | "pglite";
  /** Environment for startApp: the database, a data folder and the auth secret the cookies use. */
  env: Record<string, string>;
  seeded: T;
  /** PostgreSQL only: the test's own connection to the server's database (kept open). */
  db?: Db;
  close(): Promise<void>;
};

export async function prepareAppDatabase<T>(seed: (db: Db) => Promise<T>, engine: "postgres" | "pglite" = inject("engine")): Promise<AppDatabase<T>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-app-"));
  const base = { DATA_DIR: dataDir, AUTH_SECRET: TEST_AUTH_SECRET };
  if (engine === "postgres") {
    const database = await createTestDatabase();
    const seeded = await seed(database.db);
    return {
      engine,
      env: { ...base, DATABASE_URL: database.url! },
      seeded,
      db: database.db,
      async close() {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const pgliteDir = path.join(dataDir, "pglite");
  const database = await openDatabase({ engine: "pglite", dir: pgliteDir });
  setDatabase(Promise.resolve(database));
  try {
    await migrateDatabase(database);
    const seeded = await seed(database.db);
    return { engine, env: { ...base, PGLITE_DIR: pgliteDir }, seeded, close: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  } finally {
    await database.close();
  }
}
