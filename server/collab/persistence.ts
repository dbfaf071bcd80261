import { eq } from "drizzle-orm";
import { yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { getDb } from "@/db/client";
import { postMortems } from "@/db/schema";
import { COLLAB_FIELD } from "@/lib/editor/document-extensions";

export const documentNameFor = (postMortemId: string) => `post-mortem:${postMortemId}`;
export const postMortemIdFrom = (documentName: string) => documentName.match(/^post-mortem:([0-9a-f-]{36})$/)?.[1] ?? null;

export async function fetchDocumentState(documentName: string): Promise<Uint8Array | null> {
  const id = postMortemIdFrom(documentName);
  if (!id) return null;
  const db = await getDb();
  const [row] = await db.select({ state: postMortems.documentState }).from(postMortems).where(eq(postMortems.id, id));
  return row?.state ?? null;
}

/** Stores the Yjs state and, in the same row write, the JSON snapshot that server-side rendering and export read. */
export async function storeDocumentState(documentName: string, state: Uint8Array, document: Y.Doc): Promise<void> {
  const id = postMortemIdFrom(documentName);
  if (!id) return;
  const db = await getDb();
  await db
    .update(postMortems)
    .set({ documentState: state, content: yDocToProsemirrorJSON(document, COLLAB_FIELD), updatedAt: new Date() })
    .where(eq(postMortems.id, id));
}
