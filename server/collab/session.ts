import type { IncomingHttpHeaders } from "node:http";
import { userFromCookieHeader } from "@/server/auth/cookie-session";
import type { SignedInUser } from "@/server/auth/sessions";

/** The signed-in user behind a WebSocket upgrade, from the same session cookie the pages use. */
export function userFromUpgrade(headers: IncomingHttpHeaders): Promise<SignedInUser | null> {
  return userFromCookieHeader(headers.cookie);
}
