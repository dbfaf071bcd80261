// The one database layer: drizzle on a `pg` Pool when DATABASE_URL is set, else embedded PGlite.
// Nothing above db/ knows which engine runs.
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool } from "pg";
import { serverEnv } from "@/env";
import { createPgliteListener, createPostgresListener, type Listener } from "./listener";
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
  /**
   * Reads for live feeds. On PostgreSQL a separate small pool, so hundreds of watchers never wait
   * for (or hold) a connection a writer needs; on PGlite, the one connection there is.
   */
  feedDb: Db;
  driver: Driver;
  /** NOTIFY channels, on a connection that survives database restarts. */
  listener: Listener;
  close(): Promise<void>;
};

export type OpenOptions =
  | { engine: "postgres"; url: string; max?: number }
  // `inMemory` (or `loadDataDir`) keeps the database in memory: tests, never the app.
  | { engine: "pglite"; dir?: string; inMemory?: boolean; loadDataDir?: Blob; lock?: boolean };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.engine === "postgres" ? openPostgres(options.url, options.max) : openPglite(options);
}

// Connections to a database that went away fail fast, so requests answer 503 instead of hanging.
const CLOSE_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;
const FEED_POOL_SIZE = 3;

async function openPostgres(url: string, max = 10): Promise<Database> {
  const { default: pg } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const openPool = (size: number) => {
    const pool = new pg.Pool({ connectionString: url, max: size, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // A client losing its server must not crash the process: idle ones the pool replaces, and one in
    // use (mid-transaction) also emits "error" besides failing its query, which the caller sees.
    pool.on("error", () => {});
    pool.on("connect", (client) => client.on("error", () => {}));
    return pool;
  };
  const pool = openPool(max);
  const feedPool = openPool(FEED_POOL_SIZE);
  const listener = createPostgresListener(async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
    // Until the listener attaches its own, an early socket error must not become an uncaught event.
    client.on("error", () => {});
    await client.connect();
    return client;
  });
  return {
    engine: "postgres",
    db: drizzle(pool, { schema, casing: "snake_case" }) as unknown as Db,
    feedDb: drizzle(feedPool, { schema, casing: "snake_case" }) as unknown as Db,
    driver: { kind: "postgres", pool },
    listener,
    async close() {
      const ended = (async () => {
        await listener.close();
        await Promise.all([pool.end(), feedPool.end()]);
      })();
      ended.catch(() => {});
      // Bounded: a connection left waiting on a socket that died in an outage must not keep a
      // stopping process (or a test's teardown) alive; the process's exit closes what is left.
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref())]);
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
    feedDb: db,
    driver: { kind: "pglite", client },
    listener: createPgliteListener(client),
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
