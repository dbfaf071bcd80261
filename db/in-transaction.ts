// A verb that must be atomic opens its own transaction, or, called inside a caller's, runs as part of
// that one. A savepoint there would cost two round trips per call and buy nothing: no caller catches
// such a verb's error to carry on, so any failure ends the caller's whole transaction anyway.
import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx, Tx } from "./client";

export function inTransaction<T>(db: DbOrTx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db instanceof PgTransaction ? work(db as Tx) : db.transaction(work);
}
