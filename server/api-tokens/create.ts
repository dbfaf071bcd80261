import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { apiTokens, teams, users } from "@/db/schema";
import { roleAllows, roleForScopes, scopeRole } from "@/lib/api-scopes";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, invalid } from "@/server/errors";
import { newApiToken } from "./format";
import { readTokens } from "./present";
import type { createApiTokenInput } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates a token and returns it: the only time anyone sees it. The token gets its own account (a
 * system user that cannot sign in) so what it does is named after it and survives its creator.
 */
export async function createApiToken({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof createApiTokenInput> }) {
  if (!input.personal && !can(ctx.actor, "admin")) throw forbidden("Only admins can create workspace tokens. Create a personal token instead.");
  const beyondRole = input.scopes.find((scope) => !roleAllows(ctx.actor.role, scopeRole(scope)));
  if (input.personal && beyondRole) throw invalid(`scopes: your role (${ctx.actor.role}) does not allow ${beyondRole}.`, "scopes");
  const role = roleForScopes(input.scopes);
  const now = ctx.now?.() ?? new Date();
  const { token, hash, prefix } = newApiToken();
  return ctx.db.transaction(async (tx) => {
    if (input.teamId) {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
      if (!team) throw invalid("teamId: that team was not found.", "teamId");
    }
    const actorName = input.personal ? `${input.name} (${ctx.actor.name}'s token)` : `API token “${input.name}”`;
    const [actor] = await tx
      .insert(users)
      .values({ email: `api-token-${randomUUID()}@tokens.daytwo.invalid`, name: actorName, role, isSystem: true, deactivatedAt: now })
      .returning({ id: users.id });
    if (!actor) throw new Error("insert returned no row");
    const [row] = await tx
      .insert(apiTokens)
      .values({
        name: input.name,
        prefix,
        tokenHash: hash,
        scopes: input.scopes,
        role,
        teamId: input.teamId ?? null,
        actorUserId: actor.id,
        ownerId: input.personal ? ctx.actor.id : null,
        createdById: ctx.actor.id,
        requestsPerMinute: input.requestsPerMinute,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
      })
      .returning({ id: apiTokens.id });
    if (!row) throw new Error("insert returned no row");
    const after = {
      name: input.name,
      prefix,
      scopes: input.scopes,
      role,
      teamId: input.teamId ?? null,
      personal: input.personal,
      expiresInDays: input.expiresInDays ?? null,
      requestsPerMinute: input.requestsPerMinute,
    };
    await recordAudit(tx, { actorId: ctx.actor.id, action: "api_token.created", entityType: "api_token", entityId: row.id, after, requestId: ctx.requestId });
    const [view] = await readTokens(tx, eq(apiTokens.id, row.id));
    return { token, apiToken: view! };
  });
}
