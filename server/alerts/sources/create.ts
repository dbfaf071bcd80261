import type { z } from "zod";
import { alertSources } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { newToken } from "../credentials";
import { seal } from "@/server/crypto/secret-box";
import { auditedSettings, presentSource } from "./present";
import type { createAlertSourceInput } from "./schemas";

/** Creates a source and returns its token: the only time anyone sees it. */
export async function createAlertSource({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof createAlertSourceInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can add alert sources.");
  const { token, hash, prefix } = newToken();
  const { hmacSecret, ...settings } = input;
  return ctx.db.transaction(async (tx) => {
    const [source] = await tx
      .insert(alertSources)
      .values({ ...settings, tokenHash: hash, tokenPrefix: prefix, hmacSecretEncrypted: hmacSecret ? seal(hmacSecret) : null, createdById: ctx.actor.id })
      .returning();
    if (!source) throw new Error("insert returned no row");
    await recordAudit(tx, { actorId: ctx.actor.id, action: "alert_source.created", entityType: "alert_source", entityId: source.id, after: auditedSettings(source), requestId: ctx.requestId });
    return { source: presentSource(source), token };
  });
}
