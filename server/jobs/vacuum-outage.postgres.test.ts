// The app's own vacuuming across a database outage, through a TCP proxy this test owns and cuts: the
// passes that fail while the database is away change nothing and crash nothing, and once it is back
// the next pass vacuums what became due meanwhile, with no restart. PostgreSQL only (a connection to
// lose); see vitest.config.ts.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { eventually } from "@/test/eventually";
import { startTcpProxy, type TcpProxy } from "@/test/tcp-proxy";
import { keepVacuuming } from "./vacuum-when-needed";

let database: TestDatabase;
let proxy: TcpProxy;
let app: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  const { hostname, port } = new URL(database.url ?? "");
  proxy = await startTcpProxy({ host: hostname, port: Number(port || 5432) });
  app = await openDatabase({ engine: "postgres", url: proxy.url(database.url ?? ""), max: 2 });
});
afterAll(async () => {
  await app?.close();
  await proxy?.close();
  await database?.close();
});

const deadRows = async () => {
  const result = await database.db.execute(sql`select coalesce(max(n_dead_tup), 0)::int as dead from pg_stat_user_tables where relname = 'vacuum_outage_probe'`);
  return (result as unknown as { rows: { dead: number }[] }).rows[0]?.dead ?? 0;
};

describe("vacuuming across a database outage", () => {
  it("keeps trying while the database is away and vacuums what became due once it is back", async () => {
    // The app's timer itself, whatever this server's autovacuum setting (startVacuuming starts it only when off).
    const vacuuming = keepVacuuming(app, 200);
    try {
      await proxy.cut();
      // Made due while the app cannot reach the database: 10 rewrites of 500 rows (and kept from the
      // server's own autovacuum, should it run one, so only the app can clear them).
      await database.db.execute(sql`create table vacuum_outage_probe (id int primary key, hits int not null) with (autovacuum_enabled = false)`);
      await database.db.execute(sql`insert into vacuum_outage_probe select g, 0 from generate_series(1, 500) g`);
      for (let round = 0; round < 10; round++) await database.db.execute(sql`update vacuum_outage_probe set hits = hits + 1`);
      expect(await eventually(async () => (await deadRows()) >= 4000, 250)).toBe(true);
      // A few failed passes (one every 200 ms): nothing vacuumed, nothing thrown out of the timer.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await deadRows()).toBeGreaterThanOrEqual(4000);

      await proxy.restore();
      expect(await eventually(async () => (await deadRows()) === 0, 250)).toBe(true);
      const rows = await database.db.execute(sql`select count(*)::int as rows, min(hits)::int as hits from vacuum_outage_probe`);
      expect((rows as unknown as { rows: unknown[] }).rows[0]).toEqual({ rows: 500, hits: 10 });
    } finally {
      vacuuming.stop();
    }
  });
});
