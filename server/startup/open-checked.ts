import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/client";
import { DataDirLockedError } from "@/db/pglite-lock";

/** Opens the configured database, turning the usual failures into one actionable line. */
export async function openCheckedDatabase(options: { url?: string; pgliteDir: string }): Promise<Database> {
  if (!options.url) {
    try {
      return await openDatabase({ engine: "pglite", dir: options.pgliteDir });
    } catch (error) {
      if (error instanceof DataDirLockedError) throw new StartupError(error.message);
      throw error;
    }
  }
  const database = await openDatabase({ engine: "postgres", url: options.url });
  try {
    await database.db.execute(sql`select 1`);
    return database;
  } catch (error) {
    await database.close().catch(() => {});
    const target = new URL(options.url);
    // drizzle wraps the driver's error; the network or server code is on its cause.
    const cause = ((error as { cause?: unknown }).cause ?? error) as NodeJS.ErrnoException;
    // Network failures have an errno code (ECONNREFUSED); PostgreSQL's own refusals read better as text.
    const reason = /^E[A-Z]+$/.test(cause.code ?? "") ? cause.code : `"${cause.message.split("\n")[0]}"`;
    throw new StartupError(
      `DATABASE_URL cannot be reached: ${target.hostname}:${target.port || 5432}/${target.pathname.slice(1)} answered ${reason}. Check the host, port, database name and credentials.`,
    );
  }
}

/** A start-up failure the operator can fix; printed as one line, without a stack trace. */
export class StartupError extends Error {}
