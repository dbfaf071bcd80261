import { asc, isNull } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceContext } from "@/server/context";

/**
 * Who can be @mentioned: every active person, by id and name only (no email or role), so any
 * signed-in reader — viewers included — may see it.
 */
export async function listDirectory({ ctx }: { ctx: ServiceContext }) {
  return ctx.db.select({ id: users.id, name: users.name }).from(users).where(isNull(users.deactivatedAt)).orderBy(asc(users.name));
}
