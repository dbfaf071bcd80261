import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type UserRole } from "@/db/schema";

export type SessionUser = { id: string; email: string; name: string; role: UserRole };

// Read on every request so a role change or a deactivation takes effect at once, not at token expiry.
export async function loadSessionUser(userId: string): Promise<SessionUser | null> {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user || user.deactivatedAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
