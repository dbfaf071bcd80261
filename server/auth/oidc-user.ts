import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";

// Users arriving through OIDC are matched by verified email, or created as responders
// (as admin when the workspace has no user yet).
export async function findOrCreateOidcUser(db: Db, profile: { email: string; name: string }): Promise<User | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7219005)`);
    const [existing] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${profile.email.toLowerCase()}`)
      .limit(1);
    if (existing) return existing.deactivatedAt ? null : existing;
    const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
    const [created] = await tx
      .insert(users)
      .values({ email: profile.email.toLowerCase(), name: profile.name, role: count === 0 ? "admin" : "responder" })
      .returning();
    if (!created) return null;
    await recordAudit(tx, {
      actorId: created.id,
      action: "user.created_by_oidc",
      entityType: "user",
      entityId: created.id,
      after: { email: created.email, role: created.role },
    });
    return created;
  });
}
