import type { z } from "zod";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { findRule, lockRuleOrder, writeOrder } from "./present";
import type { moveAlertRuleInput } from "./schemas";
import { listAlertRules } from "./list-rules";

/**
 * Moves a rule one step or to a position, renumbering the list 1…n in the same transaction. The
 * order lock makes concurrent moves take turns, so each sees the other's result and none duplicates a position.
 */
export async function moveAlertRule({ ctx, input }: { ctx: ServiceContext; input: z.output<typeof moveAlertRuleInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can reorder alert routing rules.");
  await ctx.db.transaction(async (tx) => {
    const rules = await lockRuleOrder(tx);
    const rule = findRule(rules, input.id);
    const from = rules.indexOf(rule);
    const wanted = input.direction === "up" ? from - 1 : input.direction === "down" ? from + 1 : (input.position ?? 1) - 1;
    const to = Math.min(Math.max(wanted, 0), rules.length - 1);
    const ordered = rules.filter((other) => other.id !== rule.id);
    ordered.splice(to, 0, rule);
    await writeOrder(tx, ordered);
    if (to === from) return;
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "alert_rule.moved",
      entityType: "alert_rule",
      entityId: rule.id,
      before: { position: from + 1 },
      after: { position: to + 1 },
      requestId: ctx.requestId,
    });
  });
  return listAlertRules({ ctx });
}
