// When the database does not vacuum by itself (PGlite never does; this machine's PostgreSQL runs
// with autovacuum off), a table full of dead row versions is vacuumed by the app, and a table that
// is not due is left alone.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { eventually } from "@/test/eventually";
import { vacuumWhatIsDue } from "./vacuum-when-needed";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  // Clear what migrating and seeding left, so the pass below is about the probe tables only.
  await database.db.execute(sql`vacuum analyze`);
});
afterAll(() => database?.close());

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const stats = async (table: string) => {
  const result = await database.db.execute(sql`select n_dead_tup::int as dead, n_mod_since_analyze::int as changed from pg_stat_user_tables where relname = ${table}`);
  return rowsOf<{ dead: number; changed: number }>(result)[0] ?? { dead: 0, changed: 0 };
};

describe("vacuuming when the database does not", () => {
  it("vacuums a table past the threshold and leaves a quiet one alone", async () => {
    await database.db.execute(sql`create table vacuum_probe_busy (id int primary key, hits int not null)`);
    await database.db.execute(sql`create table vacuum_probe_quiet (id int primary key, hits int not null)`);
    await database.db.execute(sql`insert into vacuum_probe_busy select g, 0 from generate_series(1, 500) g`);
    await database.db.execute(sql`insert into vacuum_probe_quiet select g, 0 from generate_series(1, 500) g`);
    // Statistics reach the shared counters within about a second of a transaction's end: wait for the
    // inserts to be counted before analyzing, or they would land after it and make the quiet table due.
    expect(await eventually(async () => (await stats("vacuum_probe_quiet")).changed >= 500 && (await stats("vacuum_probe_busy")).changed >= 500, 250)).toBe(true);
    await database.db.execute(sql`vacuum analyze vacuum_probe_busy, vacuum_probe_quiet`);
    expect(await eventually(async () => (await stats("vacuum_probe_quiet")).changed === 0, 250)).toBe(true);
    // Ten rewrites of every row: 5,000 dead versions against 500 live ones, as alert repeats leave.
    for (let round = 0; round < 10; round++) await database.db.execute(sql`update vacuum_probe_busy set hits = hits + 1`);
    expect(await eventually(async () => (await stats("vacuum_probe_busy")).dead >= 4000, 250)).toBe(true);

    const done = await vacuumWhatIsDue(database);
    expect(done).toContain("public.vacuum_probe_busy");
    expect(done).not.toContain("public.vacuum_probe_quiet");
    expect(await eventually(async () => (await stats("vacuum_probe_busy")).dead === 0, 250)).toBe(true);
    // Vacuuming drops only dead versions: every row is there with its ten updates.
    const [row] = rowsOf<{ rows: number; hits: number }>(await database.db.execute(sql`select count(*)::int as rows, min(hits)::int as hits from vacuum_probe_busy`));
    expect(row).toEqual({ rows: 500, hits: 10 });
  });
});
