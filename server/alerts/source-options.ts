import { asc } from "drizzle-orm";
import { alertSources } from "@/db/schema";
import type { ServiceContext } from "@/server/context";

/**
 * Sources by name for the alerts page's filter: any signed-in person reads alerts, so they may read
 * which sources sent them (names only; the settings stay with admins). Deleted sources are kept,
 * their alerts stay readable.
 */
export async function alertSourceOptions({ ctx }: { ctx: ServiceContext }) {
  const rows = await ctx.db.select({ id: alertSources.id, name: alertSources.name, deletedAt: alertSources.deletedAt }).from(alertSources).orderBy(asc(alertSources.name), asc(alertSources.id));
  return rows.map(({ deletedAt, ...source }) => ({ ...source, isDeleted: deletedAt !== null }));
}
