import { openDatabase, type Database } from "./client";

/** The database the environment names: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export function openDatabaseFromEnv(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  return url ? openDatabase({ engine: "postgres", url }) : openDatabase({ engine: "pglite" });
}

/** Prints one actionable line instead of a stack trace, then exits. */
export function exitWithMessage(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`daytwo: ${message}`);
  process.exit(1);
}
