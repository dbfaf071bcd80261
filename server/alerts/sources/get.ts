import { and, count, eq, isNull } from "drizzle-orm";
import { alerts, alertSources } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, notFound } from "@/server/errors";
import { configSnippets } from "./config-snippets";
import { presentSource } from "./present";

export async function getAlertSource({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can see alert sources.");
  const [source] = await ctx.db
    .select()
    .from(alertSources)
    .where(and(eq(alertSources.id, input.id), isNull(alertSources.deletedAt)))
    .limit(1);
  if (!source) throw notFound("That alert source");
  const [counted] = await ctx.db.select({ value: count() }).from(alerts).where(eq(alerts.sourceId, source.id));
  return { ...presentSource(source), config: configSnippets(source), alertCount: counted?.value ?? 0 };
}
