import { count, eq } from "drizzle-orm";
import { alerts } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { configSnippets } from "./config-snippets";
import { loadSource, presentSource } from "./present";

export async function getAlertSource({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can see alert sources.");
  const source = await loadSource(ctx.db, input.id);
  const [counted] = await ctx.db.select({ value: count() }).from(alerts).where(eq(alerts.sourceId, source.id));
  return { ...presentSource(source), config: configSnippets(source), alertCount: counted?.value ?? 0 };
}
