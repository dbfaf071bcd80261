// The one database layer: drizzle on a `pg` Pool when DATABASE_URL is set, else embedded PGlite.
// Nothing above db/ knows which engine runs.
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool } from "pg";
import { serverEnv } from "@/env";
import { acquirePgliteLock } from "./pglite-lock";
import { pgliteDir } from "./paths";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Driver = { kind: "postgres"; pool: Pool } | { kind: "pglite"; client: PGlite };

export type Database = {
  engine: Driver["kind"];
  db: Db;
  driver: Driver;
  /** Receive NOTIFY payloads on a channel; resolves to an unsubscribe function. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type OpenOptions =
  | { engine: "postgres"; url: string; max?: number }
  // `inMemory` (or `loadDataDir`) keeps the database in memory: tests, never the app.
  | { engine: "pglite"; dir?: string; inMemory?: boolean; loadDataDir?: Blob; lock?: boolean };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.engine === "postgres" ? openPostgres(options.url, options.max) : openPglite(options);
}

async function openPostgres(url: string, max = 10): Promise<Database> {
  const { default: pg } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const db = drizzle(pool, { schema, casing: "snake_case" }) as unknown as Db;
  let listener: import("pg").PoolClient | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();

  return {
    engine: "postgres",
    db,
    driver: { kind: "postgres", pool },
    async listen(channel, onMessage) {
      if (!listener) {
        listener = await pool.connect();
        listener.on("notification", (message) => {
          for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? "");
        });
      }
      const set = handlers.get(channel) ?? new Set();
      if (set.size === 0) await listener.query(`LISTEN "${channel.replaceAll('"', "")}"`);
      set.add(onMessage);
      handlers.set(channel, set);
      return async () => {
        set.delete(onMessage);
        if (set.size === 0 && listener) await listener.query(`UNLISTEN "${channel.replaceAll('"', "")}"`);
      };
    },
    async close() {
      listener?.release();
      await pool.end();
    },
  };
}

async function openPglite(options: Extract<OpenOptions, { engine: "pglite" }>): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = options.inMemory || options.loadDataDir ? undefined : path.resolve(options.dir ?? pgliteDir());
  let release = () => {};
  if (dir) {
    // PGlite.create only makes the last folder of the path.
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    if (options.lock !== false) release = acquirePgliteLock(dir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: dir, loadDataDir: options.loadDataDir });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  return {
    engine: "pglite",
    db,
    driver: { kind: "pglite", client },
    listen: (channel, onMessage) => client.listen(channel, onMessage).then((off) => () => off()),
    async close() {
      await client.close();
      release();
    },
  };
}

// One instance per process, shared through globalThis: the custom server and Next's bundled
// route handlers load this module separately but must use the same pool / the same PGlite.
const registry = globalThis as typeof globalThis & { __daytwoDatabase?: Promise<Database> };

export function setDatabase(database: Promise<Database>): void {
  registry.__daytwoDatabase = database;
}

/** The database the environment names: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export function openDatabaseFromEnv(): Promise<Database> {
  const url = serverEnv().DATABASE_URL;
  return url ? openDatabase({ engine: "postgres", url }) : openDatabase({ engine: "pglite" });
}

export function getDatabase(): Promise<Database> {
  registry.__daytwoDatabase ??= openDatabaseFromEnv();
  return registry.__daytwoDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const current = registry.__daytwoDatabase;
  registry.__daytwoDatabase = undefined;
  if (current) await (await current).close();
}
