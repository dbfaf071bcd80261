import { eq } from "drizzle-orm";
import type { z } from "zod";
import { alertRoutingRules } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, notFound } from "@/server/errors";
import { assertSeverity, auditedRule, presentRule, severityNames, storedMatchers } from "./present";
import type { updateAlertRuleInput } from "./schemas";

/** Changes a rule's settings; its place in the order is changed only by moving it. */
export async function updateAlertRule({ ctx, input }: { ctx: ServiceContext; input: z.output<typeof updateAlertRuleInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can change alert routing rules.");
  const { id, matchers, ...settings } = input;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(alertRoutingRules).where(eq(alertRoutingRules.id, id)).for("update");
    if (!before) throw notFound("That routing rule");
    await assertSeverity(tx, settings.severityId);
    const [after] = await tx
      .update(alertRoutingRules)
      .set({ ...settings, ...(matchers ? { matchers: storedMatchers(matchers) } : {}), updatedAt: new Date() })
      .where(eq(alertRoutingRules.id, id))
      .returning();
    if (!after) throw new Error("update returned no row");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "alert_rule.updated",
      entityType: "alert_rule",
      entityId: id,
      before: auditedRule(before),
      after: auditedRule(after),
      requestId: ctx.requestId,
    });
    return presentRule(after, await severityNames(tx));
  });
}
