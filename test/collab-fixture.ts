// A database for tests that run the real server (test/app-database.ts), with two responders, an
// incident and its post-mortem.
import { inject } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { startPostMortem } from "@/server/post-mortems/start";
import { contextFor, createActor } from "./actors";
import { prepareAppDatabase } from "./app-database";

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
  const app = await prepareAppDatabase(seed, engine);
  return { engine: app.engine, env: app.env, db: app.db, ...app.seeded, close: app.close };
}
