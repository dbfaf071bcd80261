import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users, type UserRole } from "@/db/schema";
import { remembered } from "@/server/live/remembered";

export type SessionUser = { id: string; email: string; name: string; role: UserRole };

// Every request needs the account as it is now (a role change or a deactivation takes effect at
// once, not at token expiry), but reading it from the database on every API call was a fifth of
// the list's queries. So accounts are remembered briefly (server/live/remembered.ts), and forgotten
// the moment they change: migration 0012 makes every update of `users` NOTIFY every process, and the
// verbs that change an account also forget it directly.
export const USERS_CHANNEL = "daytwo_users_changed";
const accounts = remembered<SessionUser | null>("session-users", { channel: USERS_CHANNEL, forgets: "key", rememberMs: 10_000 });

/** Drops a remembered account (or all of them), so the next request reads it fresh. */
export const forgetSessionUser = (userId?: string): void => accounts.forget(userId);

/** The account as stored now, uncached: null when it is missing or deactivated. */
export async function readSessionUser(db: DbOrTx, userId: string): Promise<SessionUser | null> {
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.deactivatedAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function loadSessionUser(userId: string): Promise<SessionUser | null> {
  return accounts.get(userId, (database) => readSessionUser(database.db, userId));
}
