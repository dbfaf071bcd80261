import { eq } from "drizzle-orm";
import type { z } from "zod";
import { alertSources } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { announceSourceChange } from "../source-cache";
import { seal } from "@/server/crypto/secret-box";
import { auditedSettings, loadSource, presentSource } from "./present";
import type { updateAlertSourceInput } from "./schemas";

export async function updateAlertSource({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof updateAlertSourceInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can change alert sources.");
  const { id, hmacSecret, ...settings } = input;
  return ctx.db.transaction(async (tx) => {
    const before = await loadSource(tx, id, { isLocked: true });
    const secret = hmacSecret === undefined ? {} : { hmacSecretEncrypted: hmacSecret === null ? null : seal(hmacSecret) };
    const [after] = await tx
      .update(alertSources)
      .set({ ...settings, ...secret, updatedAt: new Date() })
      .where(eq(alertSources.id, id))
      .returning();
    if (!after) throw new Error("update returned no row");
    await announceSourceChange(tx, id);
    // A changed secret shows in the audit row as "changed", never as its value.
    const auditAfter = { ...auditedSettings(after), ...(hmacSecret !== undefined ? { hmacSecretChanged: true } : {}) };
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "alert_source.updated",
      entityType: "alert_source",
      entityId: id,
      before: auditedSettings(before),
      after: auditAfter,
      requestId: ctx.requestId,
    });
    return presentSource(after);
  });
}
