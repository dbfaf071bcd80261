import { asc } from "drizzle-orm";
import { alertRoutingRules } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { presentRule, severityNames } from "./present";

/** Every rule, enabled or not, in the order ingestion tries them. */
export async function listAlertRules({ ctx }: { ctx: ServiceContext }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can see alert routing rules.");
  const [rules, names] = await Promise.all([ctx.db.select().from(alertRoutingRules).orderBy(asc(alertRoutingRules.position)), severityNames(ctx.db)]);
  return rules.map((rule) => presentRule(rule, names));
}
