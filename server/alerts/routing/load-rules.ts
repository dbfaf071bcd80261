// The enabled routing rules in the order ingestion tries them, shaped for the pure picker in rules.ts.
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alertRoutingRules } from "@/db/schema";
import type { RoutingRule } from "./rules";

export async function loadRoutingRules(db: DbOrTx): Promise<RoutingRule[]> {
  return db
    .select({
      id: alertRoutingRules.id,
      name: alertRoutingRules.name,
      matchers: alertRoutingRules.matchers,
      tier: alertRoutingRules.tier,
      severityId: alertRoutingRules.severityId,
      serviceLabel: alertRoutingRules.serviceLabel,
      groupBy: alertRoutingRules.groupBy,
      windowMinutes: alertRoutingRules.windowMinutes,
      joinAcknowledgedWithinHours: alertRoutingRules.joinAcknowledgedWithinHours,
    })
    .from(alertRoutingRules)
    .where(eq(alertRoutingRules.isEnabled, true))
    .orderBy(asc(alertRoutingRules.position));
}
