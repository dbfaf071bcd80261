import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiIdempotencyKeys } from "@/db/schema";

export type StoredAnswer = { status: number; body: string };
type Outcome = { kind: "claimed" } | { kind: "replay"; answer: StoredAnswer } | { kind: "mismatch" } | { kind: "busy" };

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
export const isValidIdempotencyKey = (key: string) => KEY_SHAPE.test(key);
export const requestHash = (method: string, path: string, body: Buffer) => createHash("sha256").update(`${method} ${path}\n`).update(body).digest("hex");

// How long a key is remembered, and how long a repeat waits for the first request to finish.
const KEEP_FOR = sql`interval '24 hours'`;
const WAIT_MS = 30_000;
const POLL_MS = 50;

/**
 * The first request with a key claims it (a primary-key insert, so two instances cannot both win);
 * repeats wait for its answer and get that answer. A key reused for a different request is refused.
 */
export async function claimIdempotencyKey(db: DbOrTx, tokenId: string, key: string, hash: string): Promise<Outcome> {
  const deadline = Date.now() + WAIT_MS;
  while (true) {
    const claimed = await db.insert(apiIdempotencyKeys).values({ tokenId, key, requestHash: hash }).onConflictDoNothing().returning({ key: apiIdempotencyKeys.key });
    if (claimed.length) {
      // Old keys go as new ones come, so the table stays small without a job.
      await db.delete(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.tokenId, tokenId), lt(apiIdempotencyKeys.createdAt, sql`now() - ${KEEP_FOR}`)));
      return { kind: "claimed" };
    }
    const [row] = await db
      .select()
      .from(apiIdempotencyKeys)
      .where(and(eq(apiIdempotencyKeys.tokenId, tokenId), eq(apiIdempotencyKeys.key, key)));
    if (row) {
      if (row.requestHash !== hash) return { kind: "mismatch" };
      if (row.isDone && row.status !== null && row.body !== null) return { kind: "replay", answer: { status: row.status, body: row.body } };
    }
    // Not yet answered (or its first request failed and let go of it): wait, then look again.
    if (Date.now() > deadline) return { kind: "busy" };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Keeps the first request's answer; a server failure lets go of the key so a retry can run again. */
export async function settleIdempotencyKey(db: DbOrTx, tokenId: string, key: string, answer: StoredAnswer): Promise<void> {
  const where = and(eq(apiIdempotencyKeys.tokenId, tokenId), eq(apiIdempotencyKeys.key, key));
  if (answer.status >= 500) await db.delete(apiIdempotencyKeys).where(where);
  else await db.update(apiIdempotencyKeys).set({ isDone: true, status: answer.status, body: answer.body }).where(where);
}

export async function releaseIdempotencyKey(db: DbOrTx, tokenId: string, key: string): Promise<void> {
  await db.delete(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.tokenId, tokenId), eq(apiIdempotencyKeys.key, key)));
}
