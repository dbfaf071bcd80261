import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { apiTokens, teams, users } from "@/db/schema";
import type { ApiTokenOutput } from "./schemas";

const owner = alias(users, "owner");
const creator = alias(users, "creator");

/** Tokens with the names a list shows; `where` narrows them (one token, a person's own). */
export async function readTokens(db: DbOrTx, where: ReturnType<typeof eq> | undefined): Promise<ApiTokenOutput[]> {
  const rows = await db
    .select({ token: apiTokens, teamName: teams.name, ownerName: owner.name, creatorName: creator.name })
    .from(apiTokens)
    .leftJoin(teams, eq(teams.id, apiTokens.teamId))
    .leftJoin(owner, eq(owner.id, apiTokens.ownerId))
    .innerJoin(creator, eq(creator.id, apiTokens.createdById))
    .where(where)
    .orderBy(apiTokens.createdAt);
  return rows.map(({ token, teamName, ownerName, creatorName }) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scopes: token.scopes,
    role: token.role,
    team: token.teamId && teamName !== null ? { id: token.teamId, name: teamName } : null,
    owner: token.ownerId && ownerName !== null ? { id: token.ownerId, name: ownerName } : null,
    createdBy: { id: token.createdById, name: creatorName },
    requestsPerMinute: token.requestsPerMinute,
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    lastUsedAt: token.lastUsedAt,
    lastUsedFrom: token.lastUsedFrom,
    revokedAt: token.revokedAt,
  }));
}
