import type { IncomingHttpHeaders } from "node:http";
import { userFromCookieHeader } from "@/server/auth/cookie-session";
import type { SessionUser } from "@/server/auth/session-user";

/** The signed-in user behind a WebSocket upgrade, from the same session cookie the pages use. */
export function userFromUpgrade(headers: IncomingHttpHeaders): Promise<SessionUser | null> {
  return userFromCookieHeader(headers.cookie);
}
