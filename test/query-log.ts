// The same test database behind a drizzle instance that records every SQL statement it sends, for
// tests that check what a query reads (e.g. that a list never loads a stored document).
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { Database, Db } from "@/db/client";
import * as schema from "@/db/schema";

export function recordingDb(database: Database): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const options = { schema, casing: "snake_case" as const, logger };
  const driver = database.driver;
  const db = driver.kind === "postgres" ? drizzlePg(driver.pool, options) : drizzlePglite(driver.client, options);
  return { db: db as unknown as Db, statements };
}
