import { desc, isNull } from "drizzle-orm";
import { alertSources } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { presentSource } from "./present";

export async function listAlertSources({ ctx }: { ctx: ServiceContext }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can see alert sources.");
  const rows = await ctx.db.select().from(alertSources).where(isNull(alertSources.deletedAt)).orderBy(desc(alertSources.createdAt)).limit(500);
  return rows.map(presentSource);
}
