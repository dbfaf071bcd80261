// An embedded database with the demo workspace and one long post-mortem (~20 pages, ~10k words:
// headings, paragraphs, bullet lists), for the editor benchmarks. Prepared before the server
// starts, then closed: PGlite has one owner.
import path from "node:path";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { and, eq, isNull } from "drizzle-orm";
import * as Y from "yjs";
import { openDatabase, setDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { postMortems, users } from "@/db/schema";
import { seedDemoWorkspace } from "@/server/workspace/seed/demo-workspace";
import { COLLAB_FIELD, documentExtensions } from "@/lib/editor/document-extensions";
import { declareIncident } from "@/server/incidents/declare";
import { startPostMortem } from "@/server/post-mortems/start";
import { createSession } from "@/server/auth/sessions";

export const LAST_PARAGRAPH = "End of the long post-mortem: the last paragraph.";

const words = "the queue consumer retried failed writes while the database was saturated so latency rose across checkout and the on call engineer paged the storage team".split(" ");
const sentence = (i: number, length: number) => {
  const picked = Array.from({ length }, (_, k) => words[(i * 7 + k * 3) % words.length]);
  return `${picked.join(" ")}.`.replace(/^./, (c) => c.toUpperCase());
};
const text = (value: string) => [{ type: "text", text: value }];

/** ~10k words in 20 sections, each: a heading, 5 paragraphs of ~100 words, a 5-item list. */
export function longDocument() {
  const content: object[] = [{ type: "heading", attrs: { level: 1 }, content: text("Checkout outage: a long post-mortem") }];
  let words = 0;
  for (let section = 1; section <= 20; section++) {
    content.push({ type: "heading", attrs: { level: 2 }, content: text(`Section ${section}`) });
    for (let p = 0; p < 5; p++) {
      const paragraph = Array.from({ length: 6 }, (_, s) => sentence(section * 31 + p * 7 + s, 16)).join(" ");
      words += paragraph.split(" ").length;
      content.push({ type: "paragraph", content: text(paragraph) });
    }
    const items = Array.from({ length: 5 }, (_, i) => sentence(section + i, 10));
    words += items.join(" ").split(" ").length;
    content.push({ type: "bulletList", content: items.map((item) => ({ type: "listItem", content: [{ type: "paragraph", content: text(item) }] })) });
  }
  content.push({ type: "paragraph", content: text(LAST_PARAGRAPH) });
  // Where the keystroke benchmark types.
  content.push({ type: "paragraph" });
  return { json: { type: "doc", content }, words };
}

export type SeededBench = { pgliteDir: string; postMortemId: string; writers: { id: string; name: string; email: string; sessionId: string }[]; words: number };

export async function seedLongPostMortem(dataDir: string): Promise<SeededBench> {
  const pgliteDir = path.join(dataDir, "pglite");
  const database = await openDatabase({ engine: "pglite", dir: pgliteDir });
  setDatabase(Promise.resolve(database));
  try {
    await migrateDatabase(database);
    await seedDemoWorkspace(database.db);
    // People who can sign in: system accounts (alerts, API tokens) are deactivated and would be sent to sign-in.
    const writers = await database.db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role })
      .from(users)
      .where(and(eq(users.isSystem, false), isNull(users.deactivatedAt)));
    const admin = writers.find((user) => user.role === "admin")!;
    const responder = writers.find((user) => user.role === "responder")!;
    const ctx = { db: database.db, actor: admin, requestId: "bench" };
    const incident = await declareIncident({ ctx, input: { title: "Checkout outage (bench)", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    const { id } = await startPostMortem({ ctx, input: { incidentId: incident.id } });
    const { json, words } = longDocument();
    const doc = prosemirrorJSONToYDoc(getSchema(documentExtensions), json, COLLAB_FIELD);
    await database.db
      .update(postMortems)
      .set({ documentState: Y.encodeStateAsUpdate(doc), content: json })
      .where(eq(postMortems.id, id));
    // Each writer signed in once: the bench's cookies name these server-side sessions.
    const signedIn = async (user: typeof admin) => ({ ...user, sessionId: await createSession(database.db, user.id) });
    return { pgliteDir, postMortemId: id, writers: [await signedIn(admin), await signedIn(responder)], words };
  } finally {
    await database.close();
  }
}
