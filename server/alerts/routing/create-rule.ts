import type { z } from "zod";
import { alertRoutingRules } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { assertSeverity, auditedRule, lockRuleOrder, presentRule, severityNames, storedMatchers } from "./present";
import type { createAlertRuleInput } from "./schemas";

/** Adds a rule at the end of the list: it applies only where no earlier rule already does. */
export async function createAlertRule({ ctx, input }: { ctx: ServiceContext; input: z.output<typeof createAlertRuleInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can add alert routing rules.");
  return ctx.db.transaction(async (tx) => {
    await assertSeverity(tx, input.severityId);
    const existing = await lockRuleOrder(tx);
    const [rule] = await tx
      .insert(alertRoutingRules)
      .values({ ...input, matchers: storedMatchers(input.matchers), position: existing.length + 1 })
      .returning();
    if (!rule) throw new Error("insert returned no row");
    await recordAudit(tx, { actorId: ctx.actor.id, action: "alert_rule.created", entityType: "alert_rule", entityId: rule.id, after: auditedRule(rule), requestId: ctx.requestId });
    return presentRule(rule, await severityNames(tx));
  });
}
