// PostgreSQL's autovacuum clears the dead row versions every UPDATE leaves behind and keeps the
// planner's statistics fresh. Some servers run with it off (this project's shared CI server does),
// and PGlite, being single-user, has no autovacuum at all, though it says "on". Daytwo rewrites some
// rows very often: every repeat of an alert updates it, ~900 dead versions a second at 1,000 alerts/s.
// Left alone, finding an open alert got slower and slower: ingestion fell from 1,084 to 621 alerts/s
// over 90 s of load. So when the database does not vacuum by itself, the app does it for its own
// tables, with autovacuum's own default thresholds.
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { logger } from "@/server/log";

const CHECK_EVERY_MS = 10_000;

type Due = { name: string; vacuum: boolean; analyze: boolean };

/** Tables past autovacuum's default thresholds (50 rows + 20 % dead to vacuum, + 10 % changed to analyze). */
async function dueTables(database: Database): Promise<Due[]> {
  const result = await database.db.execute<{ name: string; vacuum: boolean; analyze: boolean }>(sql`
    select format('%I.%I', schemaname, relname) as name,
      n_dead_tup > 50 + 0.2 * n_live_tup as vacuum,
      n_mod_since_analyze > 50 + 0.1 * n_live_tup as analyze
    from pg_stat_user_tables
    where n_dead_tup > 50 + 0.2 * n_live_tup or n_mod_since_analyze > 50 + 0.1 * n_live_tup`);
  return (result as unknown as { rows: Due[] }).rows;
}

/** One pass: vacuums and analyzes what is due. Returns the tables it worked on. */
export async function vacuumWhatIsDue(database: Database): Promise<string[]> {
  const done: string[] = [];
  for (const table of await dueTables(database)) {
    const options = table.vacuum ? (table.analyze ? "vacuum (analyze, skip_locked)" : "vacuum (skip_locked)") : "analyze (skip_locked)";
    // The name comes from the catalog, quoted by format('%I'); VACUUM cannot take it as a parameter.
    await database.db.execute(sql.raw(`${options} ${table.name}`));
    done.push(table.name);
  }
  return done;
}

/** Whether the server vacuums by itself: PostgreSQL with autovacuum on. */
async function vacuumsByItself(database: Database): Promise<boolean> {
  if (database.engine === "pglite") return false;
  const result = await database.db.execute<{ on: boolean }>(sql`select current_setting('autovacuum') = 'on' as on`);
  return Boolean((result as unknown as { rows: { on: boolean }[] }).rows[0]?.on);
}

/**
 * Starts the periodic pass when the database needs it. Several instances may run it: SKIP_LOCKED
 * lets one vacuum a table while the others pass it by.
 */
export async function startVacuuming(database: Database): Promise<{ stop(): void }> {
  if (await vacuumsByItself(database)) return { stop() {} };
  logger.child({ module: "vacuum" }).info("the database does not vacuum by itself; Daytwo will vacuum its tables when they need it");
  return keepVacuuming(database);
}

/** A pass every `everyMs`, never two at once; a failed pass (the database away) is logged and the next one tries again. */
export function keepVacuuming(database: Database, everyMs = CHECK_EVERY_MS): { stop(): void } {
  const log = logger.child({ module: "vacuum" });
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    vacuumWhatIsDue(database)
      .catch((error: unknown) => log.warn({ err: error }, "vacuuming failed; trying again at the next check"))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
