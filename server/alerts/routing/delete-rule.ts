import { eq } from "drizzle-orm";
import { alertRoutingRules } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { auditedRule, findRule, lockRuleOrder, writeOrder } from "./present";

/** Removes a rule and closes the gap, so positions stay 1…n. Alerts it already routed keep their incidents. */
export async function deleteAlertRule({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<void> {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can delete alert routing rules.");
  await ctx.db.transaction(async (tx) => {
    const rules = await lockRuleOrder(tx);
    const before = findRule(rules, input.id);
    await tx.delete(alertRoutingRules).where(eq(alertRoutingRules.id, input.id));
    await writeOrder(
      tx,
      rules.filter((rule) => rule.id !== input.id),
    );
    await recordAudit(tx, { actorId: ctx.actor.id, action: "alert_rule.deleted", entityType: "alert_rule", entityId: input.id, before: auditedRule(before), requestId: ctx.requestId });
  });
}
