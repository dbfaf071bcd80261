import { eq } from "drizzle-orm";
import { alertSources } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { announceSourceChange } from "../source-cache";
import { auditedSettings, loadSource } from "./present";

/** Removes a source from the settings and turns its URL off; the alerts it delivered stay readable. */
export async function deleteAlertSource({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<void> {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can delete alert sources.");
  await ctx.db.transaction(async (tx) => {
    const before = await loadSource(tx, input.id, { isLocked: true });
    await tx.update(alertSources).set({ deletedAt: new Date(), isEnabled: false, updatedAt: new Date() }).where(eq(alertSources.id, input.id));
    await announceSourceChange(tx, input.id);
    await recordAudit(tx, { actorId: ctx.actor.id, action: "alert_source.deleted", entityType: "alert_source", entityId: input.id, before: auditedSettings(before), requestId: ctx.requestId });
  });
}
