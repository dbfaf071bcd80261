import { and, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { type ApiScope, lowerRole } from "@/lib/api-scopes";
import type { Actor } from "@/server/context";
import { hashApiToken, isWellFormedApiToken } from "./format";

export type ApiCaller = { actor: Actor; token: { id: string; name: string; scopes: readonly ApiScope[]; teamId: string | null; requestsPerMinute: number } };
export type ApiAuthFailure = { message: string };

const owner = alias(users, "owner");
const USE_NOTE_MS = 60_000;

/** The bearer token in an Authorization header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/**
 * Who a token acts as, checked on every request (no cache, so a revocation, an expiry or a personal
 * token owner's deactivation takes effect at once on every instance). All failures read the same
 * apart from the reason, and none says whether a token with that hash exists.
 */
export async function authenticateApiToken(db: DbOrTx, token: string | null, clientIp: string): Promise<ApiCaller | ApiAuthFailure> {
  if (!token) return { message: "Send an API token as `Authorization: Bearer dt_…`. Create one under Settings → API tokens." };
  if (!isWellFormedApiToken(token)) return { message: "That is not a Daytwo API token (its checksum does not match). Check that it was copied whole." };
  const [row] = await db
    .select({ token: apiTokens, actorName: users.name, actorEmail: users.email, ownerRole: owner.role, ownerDeactivatedAt: owner.deactivatedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.actorUserId))
    .leftJoin(owner, eq(owner.id, apiTokens.ownerId))
    .where(eq(apiTokens.tokenHash, hashApiToken(token)));
  if (!row) return { message: "That API token is not valid. It may have been deleted; create a new one." };
  const { token: stored } = row;
  if (stored.revokedAt) return { message: "That API token was revoked. Create a new one under Settings → API tokens." };
  if (stored.expiresAt && stored.expiresAt.getTime() <= Date.now()) return { message: "That API token has expired. Create a new one under Settings → API tokens." };
  if (stored.ownerId && (row.ownerDeactivatedAt || !row.ownerRole)) return { message: "That personal API token's owner was deactivated, so it no longer works." };
  // A personal token never does more than its owner may do now (a demotion narrows it at once).
  const role = row.ownerRole ? lowerRole(stored.role, row.ownerRole) : stored.role;
  // The row just read says whether "last used" is due: most requests skip the write's round trip.
  const isNoted = stored.lastUsedAt !== null && stored.lastUsedFrom === clientIp && Date.now() - stored.lastUsedAt.getTime() < USE_NOTE_MS;
  if (!isNoted) await noteUse(db, stored.id, clientIp);
  return {
    actor: { id: stored.actorUserId, role, name: row.actorName, email: row.actorEmail, isSystem: true, teamId: stored.teamId },
    token: { id: stored.id, name: stored.name, scopes: stored.scopes as ApiScope[], teamId: stored.teamId, requestsPerMinute: stored.requestsPerMinute },
  };
}

/** "Last used": written at most once a minute per token and address, not on every request. */
async function noteUse(db: DbOrTx, tokenId: string, clientIp: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()`, lastUsedFrom: clientIp })
    .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`), ne(apiTokens.lastUsedFrom, clientIp))));
}
