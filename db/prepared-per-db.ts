import type { DbOrTx } from "./client";

/**
 * Statements prepared once per database object and reused for every call: no query building per
 * request, and PostgreSQL plans each named statement once per connection. A transaction is its own
 * database object, so it prepares its own set.
 */
export function preparedPerDb<T>(prepare: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const byDb = new WeakMap<DbOrTx, T>();
  return (db) => {
    let prepared = byDb.get(db);
    if (!prepared) byDb.set(db, (prepared = prepare(db)));
    return prepared;
  };
}
