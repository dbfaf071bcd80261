// pg-boss on embedded PGlite: pg-boss accepts any object with executeSql(text, values).
// What it sends (pg-boss 10.4, src/plans.js): schema creation, migrations and maintenance are
// parameterless multi-statement scripts wrapped in BEGIN … COMMIT (plans.locked); everything else is
// one statement, usually with $n parameters. PGlite runs the extended protocol (query) for one
// statement only, so scripts go through exec (simple protocol). Both wait for any open transaction
// of the app on the same instance (PGlite serializes them), so a script never lands inside one.
// A script's own BEGIN … COMMIT is run as a PGlite transaction instead: when a statement fails (two
// pg-boss instances creating the schema at once: "already exists", which pg-boss expects), PGlite rolls
// back before anyone else may query; a bare exec would leave the one shared session in a failed transaction.
import type { PGlite } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";

/** More than one statement: a semicolon followed by more SQL (pg-boss's scripts end their statements so). */
export const isScript = (text: string) => /;\s*\S/.test(text.trim().replace(/;+$/, ""));

const wrappedScript = /^\s*BEGIN\s*;([\s\S]*?);?\s*COMMIT\s*;?\s*$/i;

export function pgliteBossDb(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if ((!values || values.length === 0) && isScript(text)) {
        const body = wrappedScript.exec(text)?.[1];
        const results = body === undefined ? await client.exec(text) : await client.transaction((tx) => tx.exec(body));
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await client.query(text, values ?? []);
      return { rows: result.rows as unknown[] };
    },
  };
}
