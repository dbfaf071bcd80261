import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { userFromCookieHeader } from "@/server/auth/cookie-session";

/** Per request: the database, the signed-in account (from the session cookie) and the request id. */
export async function createContext({ cookie, requestId }: { cookie: string | undefined; requestId: string | undefined }) {
  return {
    db: await getDb(),
    user: await userFromCookieHeader(cookie),
    // Set by server/main.ts per request, so logs, audit rows and error messages share one id.
    requestId: requestId ?? randomUUID(),
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
