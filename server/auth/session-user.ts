import { eq } from "drizzle-orm";
import { getDatabase, type DbOrTx } from "@/db/client";
import { users, type UserRole } from "@/db/schema";

export type SessionUser = { id: string; email: string; name: string; role: UserRole };

// Every request needs the account as it is now (a role change or a deactivation takes effect at
// once, not at token expiry), but reading it from the database on every API call was a fifth of
// the list's queries. So accounts are remembered briefly, and forgotten the moment they change:
// migration 0012 makes every update of `users` NOTIFY every process, and the verbs that change an
// account also forget it directly. The cache sits on globalThis because the custom server and
// Next's bundle each load this module.
export const USERS_CHANNEL = "daytwo_users_changed";
const REMEMBER_MS = 10_000;

type Cache = {
  entries: Map<string, { user: SessionUser | null; at: number }>;
  /** Bumped by every change, so a read that raced a change is not remembered. */
  generation: number;
  listeningOn: unknown;
};
const registry = globalThis as typeof globalThis & { __daytwoSessionUsers?: Cache };
const cache = (registry.__daytwoSessionUsers ??= { entries: new Map(), generation: 0, listeningOn: null });

/** Drops a remembered account (or all of them), so the next request reads it fresh. */
export function forgetSessionUser(userId?: string): void {
  cache.generation += 1;
  if (userId) cache.entries.delete(userId);
  else cache.entries.clear();
}

async function listenForChanges(): Promise<void> {
  const database = await getDatabase();
  if (cache.listeningOn === database) return;
  // A new database (tests swap them) starts with nothing remembered.
  cache.listeningOn = database;
  forgetSessionUser();
  // Changes made while the LISTEN connection was down were never heard: forget everything on its return.
  database.listener.onState((state) => state === "up" && forgetSessionUser());
  await database.listener.listen(USERS_CHANNEL, (userId) => forgetSessionUser(userId));
}

/** The account as stored now, uncached: null when it is missing or deactivated. */
export async function readSessionUser(db: DbOrTx, userId: string): Promise<SessionUser | null> {
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.deactivatedAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function loadSessionUser(userId: string): Promise<SessionUser | null> {
  await listenForChanges();
  const known = cache.entries.get(userId);
  if (known && Date.now() - known.at < REMEMBER_MS) return known.user;
  const generation = cache.generation;
  const user = await readSessionUser((await getDatabase()).db, userId);
  if (generation === cache.generation) cache.entries.set(userId, { user, at: Date.now() });
  return user;
}
