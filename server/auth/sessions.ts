// Server-side sessions: the session cookie carries a session id (`sid`) beside the user id, and a
// request is signed in only while that session's row exists. Rows are remembered briefly, like
// accounts (session-user.ts), and forgotten the moment one is deleted: migration 0015 makes every
// delete NOTIFY every process, whose open live streams and co-editing sockets of that session end.
import { and, eq, lt } from "drizzle-orm";
import { getDatabase, type DbOrTx } from "@/db/client";
import { sessions } from "@/db/schema";
import { loadSessionUser, type SessionUser } from "./session-user";

export const SESSIONS_CHANNEL = "daytwo_sessions_ended";
/** As long as the cookie lives (config.ts); the row ends with it. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
const REMEMBER_MS = 10_000;

type Cache = { entries: Map<string, { userId: string | null; at: number }>; generation: number; listeningOn: unknown };
const registry = globalThis as typeof globalThis & { __daytwoSessions?: Cache };
const cache = (registry.__daytwoSessions ??= { entries: new Map(), generation: 0, listeningOn: null });

function forget(sessionId?: string): void {
  cache.generation += 1;
  if (sessionId) cache.entries.delete(sessionId);
  else cache.entries.clear();
}

async function listenForEnds(): Promise<void> {
  const database = await getDatabase();
  if (cache.listeningOn === database) return;
  cache.listeningOn = database;
  forget();
  // Ends while the LISTEN connection was down were never heard: forget everything on its return.
  database.listener.onState((state) => state === "up" && forget());
  await database.listener.listen(SESSIONS_CHANNEL, (sessionId) => forget(sessionId));
}

/** Starts a session for a person who just signed in; its id goes into their cookie. */
export async function createSession(db: DbOrTx, userId: string, now = new Date()): Promise<string> {
  // Their own expired sessions go at the same time: the table holds live sessions, not history.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  const [row] = await db
    .insert(sessions)
    .values({ userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) })
    .returning({ id: sessions.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

/** Sign-out: this session ends everywhere it is used, copied cookies included. */
export async function endSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
  forget(sessionId);
}

/** "Sign out everywhere", and a deactivation: every session of this person ends. */
export async function endAllSessions(db: DbOrTx, userId: string): Promise<void> {
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  for (const { id } of ended) forget(id);
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The "Sign out everywhere" button: every session of the person signed in on this request ends. */
export async function signOutEverywhere(userId: string): Promise<void> {
  await endAllSessions((await getDatabase()).db, userId);
}

/** True while `sessionId` is a live session of `userId`. */
export async function isSessionLive(sessionId: string, userId: string): Promise<boolean> {
  if (!isUuid(sessionId)) return false;
  await listenForEnds();
  const known = cache.entries.get(sessionId);
  if (known && Date.now() - known.at < REMEMBER_MS) return known.userId === userId;
  const generation = cache.generation;
  const database = await getDatabase();
  const [row] = await database.db.select({ userId: sessions.userId, expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  const owner = row && row.expiresAt.getTime() > Date.now() ? row.userId : null;
  if (generation === cache.generation) cache.entries.set(sessionId, { userId: owner, at: Date.now() });
  return owner === userId;
}

/** The account acting through a session: the session id travels with it to streams and sockets. */
export type SignedInUser = SessionUser & { sessionId: string };

/** The signed-in account behind a decoded cookie, or null when its session ended or the account did. */
export async function loadSignedInUser(userId: string | undefined, sessionId: unknown): Promise<SignedInUser | null> {
  // A cookie without a session id predates server-side sessions: it cannot be signed out, so it is not honoured.
  if (!userId || typeof sessionId !== "string") return null;
  if (!(await isSessionLive(sessionId, userId))) return null;
  const user = await loadSessionUser(userId);
  return user ? { ...user, sessionId } : null;
}
