// Independent reads, run together when they can be. On a pool each read takes its own connection; in a
// transaction there is one connection, and issuing a query on a client that is already running one is
// deprecated by pg (refused from pg 9), so there they run one after another.
import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client";

export async function readTogether<const T extends readonly (() => PromiseLike<unknown>)[]>(db: DbOrTx, reads: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as never;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as never;
}
