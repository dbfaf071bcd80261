import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postMortemDocUpdates, postMortems, users } from "@/db/schema";
import { COLLAB_MAX_DOCUMENT_BYTES } from "@/lib/editor/collab-limits";
import { COLLAB_FIELD } from "@/lib/editor/document-extensions";
import { declareIncident } from "@/server/incidents/declare";
import { startPostMortem } from "@/server/post-mortems/start";
import { contextFor, createActor } from "@/test/actors";
import { appendParagraph, paragraphs } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { appendDocumentUpdate, currentDocumentJson, documentNameFor, fetchDocumentState, storeDocumentState } from "./persistence";
import { documentUpdateIn } from "./incoming-update";
import * as encoding from "lib0/encoding";
import { writeUpdate } from "y-protocols/sync";

let database: TestDatabase;
let name: string;
let postMortemId: string;
let writer: { id: string; sessionId: string };
beforeAll(async () => {
  database = await createTestDatabase();
  const actor = await createActor(database.db, "responder");
  writer = { id: actor.id, sessionId: actor.sessionId };
  const incident = await declareIncident({ ctx: contextFor(database.db, actor), input: { title: "Disk full", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
  postMortemId = (await startPostMortem({ ctx: contextFor(database.db, actor), input: { incidentId: incident.id } })).id;
  name = documentNameFor(postMortemId);
});
afterAll(() => database.close());

/** A document loaded the way the server loads it, edited by `edit`; returns the update it made. */
async function loadAndEdit(edit: (doc: Y.Doc) => void): Promise<{ doc: Y.Doc; update: Uint8Array }> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await fetchDocumentState(name))!);
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return { doc, update: Y.encodeStateAsUpdate(doc, before) };
}

const logRows = () => database.db.select().from(postMortemDocUpdates).where(eq(postMortemDocUpdates.postMortemId, postMortemId));

describe("co-editing persistence", () => {
  it("loads the stored state plus every logged update, and a store folds the log in", async () => {
    const { update } = await loadAndEdit((doc) => appendParagraph(doc, "logged only"));
    await appendDocumentUpdate(name, update, writer);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await fetchDocumentState(name))!);
    expect(paragraphs(loaded)).toContain("logged only");

    // Before compaction, publishing and export already read the logged edit.
    const [before] = await database.db.select().from(postMortems).where(eq(postMortems.id, postMortemId));
    expect(JSON.stringify(before!.content)).not.toContain("logged only");
    expect(JSON.stringify(await currentDocumentJson(database.db, before!))).toContain("logged only");

    await storeDocumentState(name, loaded);
    expect(await logRows()).toHaveLength(0);
    const [row] = await database.db.select().from(postMortems).where(eq(postMortems.id, postMortemId));
    expect(JSON.stringify(row!.content)).toContain("logged only");
  });

  it("a store from a lagging instance keeps what another instance stored or logged", async () => {
    const { doc: lagging } = await loadAndEdit((doc) => appendParagraph(doc, "on the lagging instance"));
    const { doc: ahead } = await loadAndEdit((doc) => appendParagraph(doc, "stored by the other instance"));
    await storeDocumentState(name, ahead);
    const { update } = await loadAndEdit((doc) => appendParagraph(doc, "logged by the other instance"));
    await appendDocumentUpdate(name, update, writer);

    await storeDocumentState(name, lagging);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await fetchDocumentState(name))!);
    expect(paragraphs(stored)).toEqual(expect.arrayContaining(["on the lagging instance", "stored by the other instance", "logged by the other instance"]));
    expect(await logRows()).toHaveLength(0);
    // Its JSON snapshot has the other instance's edits too, though its own document lacked them.
    const [row] = await database.db.select().from(postMortems).where(eq(postMortems.id, postMortemId));
    expect(JSON.stringify(row!.content)).toContain("logged by the other instance");
  });

  it("reads the update out of sync messages and ignores empty and non-sync ones", () => {
    const doc = new Y.Doc();
    appendParagraph(doc, "x");
    const update = Y.encodeStateAsUpdate(doc);
    const message = (type: number, body: (encoder: encoding.Encoder) => void) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, name);
      encoding.writeVarUint(encoder, type);
      body(encoder);
      return encoding.toUint8Array(encoder);
    };
    expect(documentUpdateIn(message(0, (e) => writeUpdate(e, update)))).toEqual(update);
    expect(documentUpdateIn(message(0, (e) => writeUpdate(e, Y.encodeStateAsUpdate(new Y.Doc()))))).toBeNull();
    expect(documentUpdateIn(message(1, (e) => encoding.writeVarUint8Array(e, update)))).toBeNull();
    expect(documentUpdateIn(new Uint8Array([255]))).toBeNull();
  });

  it("refuses edits to a published post-mortem, even from an editor another instance left open", async () => {
    const { update } = await loadAndEdit((doc) => appendParagraph(doc, "after publishing"));
    const before = (await logRows()).length;
    await database.db.update(postMortems).set({ status: "published" }).where(eq(postMortems.id, postMortemId));
    try {
      await expect(appendDocumentUpdate(name, update, writer)).rejects.toThrow("This post-mortem is published");
      expect(await logRows()).toHaveLength(before);
    } finally {
      await database.db.update(postMortems).set({ status: "draft" }).where(eq(postMortems.id, postMortemId));
    }
  });

  it("refuses an update from a writer deactivated or made a viewer since the connection opened", async () => {
    const { update } = await loadAndEdit((doc) => appendParagraph(doc, "after the revocation"));
    const before = (await logRows()).length;
    const deactivated = await createActor(database.db, "responder");
    await database.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, deactivated.id));
    const viewer = await createActor(database.db, "responder");
    await database.db.update(users).set({ role: "viewer" }).where(eq(users.id, viewer.id));

    await expect(appendDocumentUpdate(name, update, { id: deactivated.id, sessionId: deactivated.sessionId })).rejects.toMatchObject({ reason: "access-changed" });
    await expect(appendDocumentUpdate(name, update, { id: viewer.id, sessionId: viewer.sessionId })).rejects.toMatchObject({ reason: "access-changed" });
    expect(await logRows()).toHaveLength(before);
    expect(JSON.stringify(await currentDocumentJson(database.db, (await database.db.select().from(postMortems).where(eq(postMortems.id, postMortemId)))[0]!))).not.toContain("after the revocation");
  });

  it("in review takes the author's updates and refuses anyone else's, even a socket opened while it was a draft", async () => {
    await database.db.update(postMortems).set({ status: "in_review" }).where(eq(postMortems.id, postMortemId));
    try {
      const reviewer = await createActor(database.db, "admin");
      const { update: theirs } = await loadAndEdit((doc) => appendParagraph(doc, "a reviewer's edit"));
      await expect(appendDocumentUpdate(name, theirs, { id: reviewer.id, sessionId: reviewer.sessionId })).rejects.toMatchObject({ reason: "access-changed" });
      const { update: mine } = await loadAndEdit((doc) => appendParagraph(doc, "the author's answer to review"));
      await appendDocumentUpdate(name, mine, writer);
      const json = JSON.stringify(await currentDocumentJson(database.db, (await database.db.select().from(postMortems).where(eq(postMortems.id, postMortemId)))[0]!));
      expect(json).toContain("the author's answer to review");
      expect(json).not.toContain("a reviewer's edit");
    } finally {
      await database.db.update(postMortems).set({ status: "draft" }).where(eq(postMortems.id, postMortemId));
    }
  });

  it("refuses an update that would grow the document past its limit, keeps the document as it was, and still takes small edits", async () => {
    // Yjs stores text as it is (no compression): each paragraph costs its length in the stored state.
    const chunk = () => "w".repeat(700 * 1024);
    const accepted: string[] = [];
    let refused: unknown = null;
    for (let i = 0; i < 5 && !refused; i++) {
      const text = `${i}:${chunk()}`;
      const { update } = await loadAndEdit((doc) => appendParagraph(doc, text));
      refused = await appendDocumentUpdate(name, update, writer).then(
        () => null,
        (error: unknown) => error,
      );
      if (!refused) accepted.push(text);
    }
    expect(refused).toMatchObject({ reason: "too-large" });
    expect(accepted.length).toBeGreaterThan(0);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await fetchDocumentState(name))!);
    expect(Y.encodeStateAsUpdate(stored).length).toBeLessThanOrEqual(COLLAB_MAX_DOCUMENT_BYTES);
    expect(paragraphs(stored).filter((text) => text.length > 1000)).toEqual(accepted);

    // A full document still takes small changes — the deletions that make room — in a margin past the cap.
    // One local copy sends each change as a small update (re-reading 2 MB per change is slow on PGlite);
    // a refused change is dropped by reloading the copy.
    let local = (await loadAndEdit(() => {})).doc;
    const append = async (text: string) => {
      const before = Y.encodeStateVector(local);
      appendParagraph(local, text);
      const isAccepted = await appendDocumentUpdate(name, Y.encodeStateAsUpdate(local, before), writer).then(
        () => true,
        () => false,
      );
      if (!isAccepted) local = (await loadAndEdit(() => {})).doc;
      return isAccepted;
    };
    // Big changes (no margin) until refused: the document is then within 64 KB of its cap.
    let filler = 0;
    while (await append(`f${filler}:${"x".repeat(64 * 1024)}`)) filler += 1;
    expect(filler).toBeLessThan(40);
    // 24 small changes (72 KB) must pass the cap, and every one is still taken.
    for (let i = 0; i < 24; i++) expect(await append(`small ${i}: ${"y".repeat(3 * 1024)}`)).toBe(true);
    const { update: deletion } = await loadAndEdit((doc) => {
      const fragment = doc.getXmlFragment(COLLAB_FIELD);
      fragment.delete(
        fragment.toArray().findIndex((node) => node.toString().includes(accepted[0]!.slice(0, 20))),
        1,
      );
    });
    await appendDocumentUpdate(name, deletion, writer);
    const after = new Y.Doc();
    Y.applyUpdate(after, (await fetchDocumentState(name))!);
    expect(paragraphs(after).filter((text) => text.length > 100_000)).toEqual(accepted.slice(1));
  }, 90_000);
});
