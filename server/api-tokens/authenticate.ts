import { and, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type ApiToken, apiTokens, users } from "@/db/schema";
import { loadSessionUser } from "@/server/auth/session-user";
import { remembered } from "@/server/live/remembered";
import { type ApiScope, lowerRole } from "@/lib/api-scopes";
import type { Actor } from "@/server/context";
import { hashApiToken, isWellFormedApiToken } from "./format";

export type ApiCaller = { actor: Actor; token: { id: string; name: string; scopes: readonly ApiScope[]; teamId: string | null; requestsPerMinute: number } };
export type ApiAuthFailure = { message: string };

const USE_NOTE_MS = 60_000;

export const API_TOKENS_CHANNEL = "daytwo_api_tokens_changed";
/** A token as stored, with the name its work is recorded under; null for a hash no token has. */
type KnownToken = { token: ApiToken; actorName: string; actorEmail: string } | null;
const knownTokens = remembered<KnownToken>("api-tokens", { channel: API_TOKENS_CHANNEL, forgets: "all", rememberMs: 10_000 });

/** Forgets every remembered token in this process (a verb that changed one, before its NOTIFY arrives). */
export const forgetApiTokens = (): void => knownTokens.forget();

/** The bearer token in an Authorization header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/**
 * Who a token acts as, checked on every request. Tokens are remembered for a few seconds per process
 * (server/live/remembered.ts) and forgotten the moment one changes: a trigger (migration 0022)
 * announces every revocation, expiry or narrowing to every instance, and the revoke verb also forgets
 * at once here. A personal token's owner comes from the session accounts, which are forgotten the same
 * way, so a deactivation or demotion applies on the next request. All failures read the same apart
 * from the reason, and none says whether a token with that hash exists.
 */
export async function authenticateApiToken(db: DbOrTx, token: string | null, clientIp: string): Promise<ApiCaller | ApiAuthFailure> {
  if (!token) return { message: "Send an API token as `Authorization: Bearer dt_…`. Create one under Settings → API tokens." };
  if (!isWellFormedApiToken(token)) return { message: "That is not a Daytwo API token (its checksum does not match). Check that it was copied whole." };
  const hash = hashApiToken(token);
  const row = await knownTokens.get(hash, () => readToken(db, hash));
  if (!row) return { message: "That API token is not valid. It may have been deleted; create a new one." };
  const { token: stored } = row;
  if (stored.revokedAt) return { message: "That API token was revoked. Create a new one under Settings → API tokens." };
  if (stored.expiresAt && stored.expiresAt.getTime() <= Date.now()) return { message: "That API token has expired. Create a new one under Settings → API tokens." };
  const owner = stored.ownerId ? await loadSessionUser(stored.ownerId) : null;
  if (stored.ownerId && !owner) return { message: "That personal API token's owner was deactivated, so it no longer works." };
  // A personal token never does more than its owner may do now (a demotion narrows it at once).
  const role = owner ? lowerRole(stored.role, owner.role) : stored.role;
  // "Last used" is written at most once a minute per address; the remembered row keeps what was written.
  const isNoted = stored.lastUsedAt !== null && stored.lastUsedFrom === clientIp && Date.now() - stored.lastUsedAt.getTime() < USE_NOTE_MS;
  if (!isNoted) {
    await noteUse(db, stored.id, clientIp);
    Object.assign(stored, { lastUsedAt: new Date(), lastUsedFrom: clientIp });
  }
  return {
    actor: { id: stored.actorUserId, role, name: row.actorName, email: row.actorEmail, isSystem: true, teamId: stored.teamId },
    token: { id: stored.id, name: stored.name, scopes: stored.scopes as ApiScope[], teamId: stored.teamId, requestsPerMinute: stored.requestsPerMinute },
  };
}

async function readToken(db: DbOrTx, hash: string): Promise<KnownToken> {
  const [row] = await db
    .select({ token: apiTokens, actorName: users.name, actorEmail: users.email })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.actorUserId))
    .where(eq(apiTokens.tokenHash, hash));
  return row ?? null;
}

/** "Last used": written at most once a minute per token and address, not on every request. */
async function noteUse(db: DbOrTx, tokenId: string, clientIp: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()`, lastUsedFrom: clientIp })
    .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`), ne(apiTokens.lastUsedFrom, clientIp))));
}
