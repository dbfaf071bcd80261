// A database for tests that run the real server: migrated, with two responders, an incident and
// its post-mortem. PostgreSQL: a fresh database from the run's template (kept open, so the test
// can read what the server stored). PGlite: a data folder, prepared and closed before the server
// opens it (PGlite has one owner).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openDatabase, setDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { startPostMortem } from "@/server/post-mortems/start";
import { contextFor, createActor } from "./actors";
import { TEST_AUTH_SECRET } from "./collab-clients";
import { createTestDatabase } from "./database";

export type CollabFixture = {
  engine: "postgres" | "pglite";
  /** Environment for startApp: the database, a data folder and the auth secret the cookies use. */
  env: Record<string, string>;
  postMortemId: string;
  writers: [Actor, Actor];
  /** PostgreSQL only: the test's own connection to the servers' database. */
  db?: Db;
  close(): Promise<void>;
};

async function seed(db: Db): Promise<{ postMortemId: string; writers: [Actor, Actor] }> {
  const first = await createActor(db, "responder", "Ada Writer");
  const second = await createActor(db, "responder", "Bo Writer");
  const ctx = contextFor(db, first);
  const incident = await declareIncident({ ctx, input: { title: "Checkout errors", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
  const { id } = await startPostMortem({ ctx, input: { incidentId: incident.id } });
  return { postMortemId: id, writers: [first, second] };
}

export async function createCollabFixture(engine: "postgres" | "pglite" = inject("engine")): Promise<CollabFixture> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-collab-"));
  const base = { DATA_DIR: dataDir, AUTH_SECRET: TEST_AUTH_SECRET };
  if (engine === "postgres") {
    const database = await createTestDatabase();
    const seeded = await seed(database.db);
    return {
      engine,
      env: { ...base, DATABASE_URL: database.url! },
      db: database.db,
      ...seeded,
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
    return { engine, env: { ...base, PGLITE_DIR: pgliteDir }, ...seeded, close: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  } finally {
    await database.close();
  }
}
