import { decode, getToken } from "@auth/core/jwt";
import { serverEnv } from "@/env";
import { loadSessionUser, type SessionUser } from "./session-user";

// Requests that do not go through Next (the tRPC endpoint and the co-editing socket) read the same
// session cookie Auth.js sets for the pages. Decrypting a JWE derives a key and runs AES every time,
// so a decoded token is remembered until it expires; the account itself is still re-read on every
// request, so a role change or a deactivation takes effect at once.
const MAX_REMEMBERED = 1_000;
const remembered = new Map<string, { userId: string; expiresAt: number }>();

const cookieName = (secure: boolean) => (secure ? "__Secure-authjs.session-token" : "authjs.session-token");

async function userIdFromToken(token: string, secure: boolean, secret: string): Promise<string | null> {
  // Keyed by cookie name and value: the name is the salt the token was sealed with, so a value seen
  // under __Secure-… must not be accepted under the plain name, where it would not decrypt.
  const key = `${cookieName(secure)}=${token}`;
  const known = remembered.get(key);
  if (known) {
    if (known.expiresAt > Date.now()) return known.userId;
    remembered.delete(key);
    return null;
  }
  const payload = await decode({ token, secret, salt: cookieName(secure) }).catch(() => null);
  if (!payload?.sub || typeof payload.exp !== "number") return null;
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, { userId: payload.sub, expiresAt: payload.exp * 1000 });
  return payload.exp * 1000 > Date.now() ? payload.sub : null;
}

/** The signed-in account behind a Cookie header, or null for a missing, forged or expired session. */
export async function userFromCookieHeader(cookie: string | undefined): Promise<SessionUser | null> {
  const secret = serverEnv().AUTH_SECRET;
  if (!cookie || !secret) return null;
  // Behind https the cookie carries the __Secure- prefix; over plain http it does not.
  const secure = cookie.includes(cookieName(true));
  // getToken joins a chunked cookie (name.0, name.1, …) back into one token.
  const token = await getToken({ req: { headers: { cookie } }, secret, secureCookie: secure, raw: true });
  if (!token) return null;
  const userId = await userIdFromToken(token, secure, secret);
  return userId ? loadSessionUser(userId) : null;
}
