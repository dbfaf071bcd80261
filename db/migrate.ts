import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Database } from "./client";
import { migrationsFolder } from "./paths";

// Arbitrary constant: serializes migrations when several instances start at once on one PostgreSQL.
const MIGRATION_LOCK_KEY = 7_219_004;

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.driver.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  // Needs a pool of at least two: this client holds the lock while the migrator uses another.
  const lockClient = await database.driver.pool.connect();
  try {
    await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrate(database.db as unknown as NodePgDatabase, { migrationsFolder });
  } finally {
    await lockClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    lockClient.release();
  }
}
