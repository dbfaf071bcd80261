import path from "node:path";
import { serverEnv } from "@/env";

// Resolved at call time so scripts, tests and the server agree on one place.
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ serverEnv().DATA_DIR);
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ serverEnv().PGLITE_DIR ?? path.join(dataDir(), "pglite"));
}

export const migrationsFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "db/migrations");
