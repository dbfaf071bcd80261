import path from "node:path";

// Resolved from process.env at call time so scripts, tests and the server agree on one place.
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || ".data");
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR || path.join(dataDir(), "pglite"));
}

export const migrationsFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "db/migrations");
