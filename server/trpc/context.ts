import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getDb } from "@/db/client";
import { userFromCookieHeader } from "@/server/auth/cookie-session";
import type { ApiCaller } from "@/server/api-tokens/authenticate";
import type { Actor } from "@/server/context";
import { toClientError } from "./error-mapping";

/** Per request: the database, the signed-in account (from the session cookie) and the request id. */
export async function createContext({ cookie, requestId }: { cookie: string | undefined; requestId: string | undefined }) {
  // Set by server/main.ts per request, so logs, audit rows and error messages share one id.
  const id = requestId ?? randomUUID();
  try {
    // Actor: server-side callers (pages' prefetch, tests) act without a session id; HTTP callers carry theirs.
    const user: Actor | null = await userFromCookieHeader(cookie);
    return { db: await getDb(), user, requestId: id };
  } catch (error) {
    // The session lookup runs before any procedure: its failures go through the same mapping (a 503
    // while the database is away, a generic 500 otherwise), never the failed query's text.
    throw toClientError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }), { path: "(session)", requestId: id });
  }
}

// `apiToken` is set only by the REST endpoint (/api/v1), for calls made with an API token.
export type Context = Awaited<ReturnType<typeof createContext>> & { apiToken?: ApiCaller["token"] | null };
