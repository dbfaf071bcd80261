import { getToken } from "@auth/core/jwt";
import type { IncomingHttpHeaders } from "node:http";
import { loadSessionUser, type SessionUser } from "@/server/auth/session-user";

/** The signed-in user behind a WebSocket upgrade, from the same session cookie the pages use. */
export async function userFromUpgrade(headers: IncomingHttpHeaders): Promise<SessionUser | null> {
  const cookie = headers.cookie ?? "";
  const secret = process.env.AUTH_SECRET;
  if (!cookie || !secret) return null;
  // Behind https the cookie carries the __Secure- prefix; over plain http it does not.
  const secureCookie = cookie.includes("__Secure-authjs.session-token");
  const token = await getToken({ req: { headers: { cookie } }, secret, secureCookie });
  return token?.sub ? loadSessionUser(token.sub) : null;
}
