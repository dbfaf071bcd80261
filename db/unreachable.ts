// Telling "the database is away" (a restart, a failover, a network cut) from a real failure, so
// the app can answer 503 and say it is retrying instead of a 500 that leaks the failed query.

export const DATABASE_UNREACHABLE_MESSAGE = "Daytwo cannot reach its database; retrying. Try again in a few seconds.";
export const DATABASE_BUSY_MESSAGE = "Daytwo is too busy to answer right now. Try again in a few seconds.";

// Told by the LISTEN connection (db/listener.ts): while it is up, the server itself is there.
let isListenerUp = true;
export function noteListenerState(state: "up" | "down"): void {
  isListenerUp = state === "up";
}

// Socket errors, and PostgreSQL's connection-exception (08…) and operator-intervention (57P0…) classes.
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
// pg reports some losses only in words.
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;
// Waiting too long for one of the pool's connections: the server is there but every connection is busy.
const POOL_TIMEOUT = /timeout exceeded when trying to connect/i;

/** True when `error`, or anything in its `cause` chain, says the database could not be reached. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && CODES.has(code)) return true;
    if (typeof message === "string" && MESSAGES.test(message) && !message.startsWith("Failed query")) return true;
    current = cause;
  }
  return false;
}

/** Why the database did not answer: it is away, or it is there and every connection is busy; null for other errors. */
export function databaseTrouble(error: unknown): "unreachable" | "busy" | null {
  if (!isDatabaseUnreachable(error)) return null;
  const isPoolTimeout = POOL_TIMEOUT.test(String((error as { message?: unknown })?.message ?? "")) || POOL_TIMEOUT.test(String((error as { cause?: { message?: unknown } })?.cause?.message ?? ""));
  return isPoolTimeout && isListenerUp ? "busy" : "unreachable";
}
