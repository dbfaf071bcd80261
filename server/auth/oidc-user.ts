import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { hasAnyUser, lockFirstAccount } from "@/server/users/create-first-admin";
import { findUserByEmail } from "@/server/users/find-by-email";

// Users arriving through OIDC are matched by verified email, or created as responders
// (as admin when the workspace has no user yet).
export async function findOrCreateOidcUser(db: Db, profile: { email: string; name: string }): Promise<User | null> {
  return db.transaction(async (tx) => {
    await lockFirstAccount(tx);
    const existing = await findUserByEmail(tx, profile.email);
    if (existing) return existing.deactivatedAt ? null : existing;
    const isFirst = !(await hasAnyUser(tx));
    const [created] = await tx
      .insert(users)
      .values({ email: profile.email.toLowerCase(), name: profile.name, role: isFirst ? "admin" : "responder" })
      .returning();
    if (!created) return null;
    await recordAudit(tx, {
      actorId: created.id,
      action: "user.provisioned",
      entityType: "user",
      entityId: created.id,
      after: { email: created.email, role: created.role },
    });
    return created;
  });
}
