import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { conflict } from "@/server/errors";

// A workspace must always keep one active admin, or nobody could manage it again.
export async function assertAnotherActiveAdmin(db: DbOrTx, exceptUserId: string): Promise<void> {
  // Serialize admin changes so two admins demoting each other at once cannot both succeed.
  await db.execute(sql`select pg_advisory_xact_lock(7219006)`);
  const [other] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt), ne(users.id, exceptUserId)))
    .limit(1);
  if (!other) throw conflict("This is the last active admin. Make someone else an admin first.");
}
