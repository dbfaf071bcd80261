export { openDatabaseFromEnv } from "./client";

/** Prints one actionable line instead of a stack trace, then exits. */
export function exitWithMessage(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`daytwo: ${message}`);
  process.exit(1);
}
