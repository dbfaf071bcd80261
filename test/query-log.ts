// The same test database behind a drizzle instance that records every SQL statement it sends, for
// tests that check what a query reads (e.g. that a list never loads a stored document).
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { Pool } from "pg";
import type { Database, Db } from "@/db/client";
import * as schema from "@/db/schema";

/**
 * `statements` holds each statement's text; on PostgreSQL, `names` maps the text of every statement
 * sent as a named (prepared) statement to its name (PGlite takes no names).
 */
export function recordingDb(database: Database): { db: Db; statements: string[]; names: Map<string, string> } {
  const statements: string[] = [];
  const names = new Map<string, string>();
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const options = { schema, casing: "snake_case" as const, logger };
  const driver = database.driver;
  const db = driver.kind === "postgres" ? drizzlePg(namingPool(driver.pool, names), options) : drizzlePglite(driver.client, options);
  return { db: db as unknown as Db, statements, names };
}

/** The pool, with each named query's name noted by its text before it is sent. */
function namingPool(pool: Pool, names: Map<string, string>): Pool {
  return new Proxy(pool, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property !== "query") return typeof value === "function" ? value.bind(target) : value;
      return (config: unknown, ...rest: unknown[]) => {
        if (config && typeof config === "object" && "name" in config && typeof config.name === "string" && "text" in config) names.set(String(config.text), config.name);
        return (value as (...args: unknown[]) => unknown).call(target, config, ...rest);
      };
    },
  });
}
