// Durable co-editing state: post_mortems.document_state (+ its JSON snapshot) and an append-only
// log of the updates received since. Every client update is appended before the server
// acknowledges it (see collab-server.ts), so what a writer was told is saved survives a crash.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { getDb, type DbOrTx } from "@/db/client";
import { postMortemDocUpdates, postMortems, sessions, users, type PostMortem } from "@/db/schema";
import { COLLAB_MAX_DOCUMENT_BYTES, collabRefusals } from "@/lib/editor/collab-limits";
import { can } from "@/server/auth/can";
import { COLLAB_FIELD } from "@/lib/editor/document-extensions";
import { isUuid } from "@/lib/validation/ids";

export const documentNameFor = (postMortemId: string) => `post-mortem:${postMortemId}`;
export const postMortemIdFrom = (documentName: string) => {
  const id = documentName.match(/^post-mortem:([0-9a-f-]{36})$/)?.[1];
  return id && isUuid(id) ? id : null;
};

/** The stored state with every logged update merged in: everything ever acknowledged. */
export async function fetchDocumentState(documentName: string): Promise<Uint8Array | null> {
  const id = postMortemIdFrom(documentName);
  if (!id) return null;
  return readDocumentState(await getDb(), id);
}

/** The same merge for one post-mortem on a given connection: the page sends it with its HTML. */
export async function readDocumentState(db: DbOrTx, id: string): Promise<Uint8Array | null> {
  const [row] = await db.select({ state: postMortems.documentState }).from(postMortems).where(eq(postMortems.id, id));
  if (!row) return null;
  const logged = await db.select({ update: postMortemDocUpdates.update }).from(postMortemDocUpdates).where(eq(postMortemDocUpdates.postMortemId, id)).orderBy(asc(postMortemDocUpdates.seq));
  const parts = [...(row.state ? [row.state] : []), ...logged.map((entry) => entry.update)];
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
}

export class PublishedDocumentError extends Error {
  constructor() {
    super("This post-mortem is published: it is read-only until someone reopens it.");
  }
}

/** Refusals Hocuspocus closes the connection with: `code` and `reason` reach the writer's editor. */
export class CollabRefusedError extends Error {
  readonly code: number;
  constructor(
    readonly reason: (typeof collabRefusals)[keyof typeof collabRefusals],
    message: string,
  ) {
    super(message);
    this.code = reason === collabRefusals.tooLarge ? 4413 : 4403;
  }
}

// The stored state plus the log waiting for compaction: what the document costs in the database.
const storedBytes =
  sql<number>`coalesce(octet_length(${postMortems.documentState}), 0) + (select coalesce(sum(octet_length(${postMortemDocUpdates.update})), 0) from ${postMortemDocUpdates} where ${postMortemDocUpdates.postMortemId} = ${postMortems.id})`.mapWith(
    Number,
  );

/**
 * Appends one client update from `author` (signed in through `author.sessionId`); resolves once it
 * is committed. Refused (and so never applied or acknowledged) when the post-mortem is published,
 * when the writer's session ended or they may no longer edit it, or when it would grow the document past its limit. The share locks order this against
 * publishing and against a change of the writer's account or session: a deactivation or downgrade committed
 * first is seen here, one committed later waits for this write, so no write lands after revocation,
 * even from a connection another instance still has open. The refusal closes the connection, which
 * then reconnects (and re-authenticates: read-only, or refused).
 */
export async function appendDocumentUpdate(documentName: string, update: Uint8Array, author: { id: string; sessionId: string }): Promise<void> {
  const id = postMortemIdFrom(documentName);
  if (!id) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ status: postMortems.status, ownerId: postMortems.ownerId, bytes: storedBytes }).from(postMortems).where(eq(postMortems.id, id)).for("share");
    if (!row || row.status === "published") throw new PublishedDocumentError();
    const [account] = await tx
      .select({ role: users.role, deactivatedAt: users.deactivatedAt, sessionId: sessions.id })
      .from(users)
      .innerJoin(sessions, and(eq(sessions.id, author.sessionId), eq(sessions.userId, users.id)))
      .where(eq(users.id, author.id))
      .for("share");
    if (!account || account.deactivatedAt || !can({ id: author.id, role: account.role }, "post_mortem.edit", row)) {
      throw new CollabRefusedError(collabRefusals.accessChanged, "the writer may no longer edit this post-mortem");
    }
    if (isPastSizeLimit(row.bytes, update.length)) throw new CollabRefusedError(collabRefusals.tooLarge, "the document would exceed its size limit");
    await tx.insert(postMortemDocUpdates).values({ postMortemId: id, update });
  });
}

// A full document must still take the small edits that shrink it (a deletion is a few bytes in the
// log; the next store folds it and the state gets smaller), so small changes get a margin past the cap.
const SMALL_UPDATE_BYTES = 4 * 1024;
const SMALL_UPDATE_MARGIN_BYTES = COLLAB_MAX_DOCUMENT_BYTES / 10;

function isPastSizeLimit(storedBytes: number, updateBytes: number): boolean {
  const limit = updateBytes <= SMALL_UPDATE_BYTES ? COLLAB_MAX_DOCUMENT_BYTES + SMALL_UPDATE_MARGIN_BYTES : COLLAB_MAX_DOCUMENT_BYTES;
  return storedBytes + updateBytes > limit;
}

/** The JSON snapshot of `state`: from the live document unless it lags (another instance wrote more). */
function snapshotOf(state: Uint8Array, live: Y.Doc): Record<string, unknown> {
  const stored = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
  const mine = Y.decodeStateVector(Y.encodeStateVector(live));
  if ([...stored].every(([client, clock]) => (mine.get(client) ?? 0) >= clock)) return yDocToProsemirrorJSON(live, COLLAB_FIELD);
  const merged = new Y.Doc();
  try {
    Y.applyUpdate(merged, state);
    return yDocToProsemirrorJSON(merged, COLLAB_FIELD);
  } finally {
    merged.destroy();
  }
}

/**
 * Folds the log into the stored state and writes the JSON snapshot, in one transaction. The new
 * state is the merge of what is stored, what is logged and this instance's document: with several
 * instances one may store while it lags another, and a merge never drops what the other wrote.
 * Only the log rows read here are deleted: a row committed meanwhile stays for the next store.
 */
export async function storeDocumentState(documentName: string, document: Y.Doc): Promise<void> {
  const id = postMortemIdFrom(documentName);
  if (!id) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    // NO KEY UPDATE: serializes stores of this document without blocking appends (their FK check
    // takes KEY SHARE), so an acknowledgement never waits for a compaction.
    const [row] = await tx.select({ state: postMortems.documentState }).from(postMortems).where(eq(postMortems.id, id)).for("no key update");
    if (!row) return;
    const logged = await tx.select({ seq: postMortemDocUpdates.seq, update: postMortemDocUpdates.update }).from(postMortemDocUpdates).where(eq(postMortemDocUpdates.postMortemId, id));
    // A binary merge (no Y.Doc to integrate into) keeps compaction cheap for long documents.
    const live = Y.encodeStateAsUpdate(document);
    const state = row.state || logged.length > 0 ? Y.mergeUpdates([...(row.state ? [row.state] : []), ...logged.map((entry) => entry.update), live]) : live;
    await tx
      .update(postMortems)
      .set({ documentState: state, content: snapshotOf(state, document), updatedAt: new Date() })
      .where(eq(postMortems.id, id));
    if (logged.length > 0) {
      const seqs = logged.map((entry) => entry.seq);
      await tx.delete(postMortemDocUpdates).where(and(eq(postMortemDocUpdates.postMortemId, id), inArray(postMortemDocUpdates.seq, seqs)));
    }
  });
}

/**
 * The document as tiptap JSON including every acknowledged edit: the stored snapshot, or, while
 * updates wait in the log for the next compaction, the stored state with them applied. Publishing
 * (its blameless check), the published view and the export read this, never a snapshot seconds old.
 */
export async function currentDocumentJson(db: DbOrTx, postMortem: Pick<PostMortem, "id" | "documentState" | "content">): Promise<Record<string, unknown>> {
  const logged = await db.select({ update: postMortemDocUpdates.update }).from(postMortemDocUpdates).where(eq(postMortemDocUpdates.postMortemId, postMortem.id)).orderBy(asc(postMortemDocUpdates.seq));
  if (logged.length === 0) return postMortem.content ?? { type: "doc", content: [] };
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      if (postMortem.documentState) Y.applyUpdate(doc, postMortem.documentState);
      for (const entry of logged) Y.applyUpdate(doc, entry.update);
    });
    return yDocToProsemirrorJSON(doc, COLLAB_FIELD);
  } finally {
    doc.destroy();
  }
}
