import { yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLAB_FIELD } from "@/lib/editor/document-extensions";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { readPostMortemPage } from "./page-access";
import { startPostMortem } from "./start";

let database: TestDatabase;
let commander: Actor;
let outsider: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  commander = await createActor(database.db, "responder", "Pat Commander");
  outsider = await createActor(database.db, "responder", "Quinn Outsider");
});
afterAll(() => database.close());

async function startedPostMortem(isPrivate: boolean) {
  const ctx = contextFor(database.db, commander);
  const incident = await declareIncident({ ctx, input: { title: "Ledger timeouts", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate } });
  return startPostMortem({ ctx, input: { incidentId: incident.id } });
}

const headingsOf = (doc: Y.Doc) =>
  ((yDocToProsemirrorJSON(doc, COLLAB_FIELD).content ?? []) as { type: string; content?: { text: string }[] }[]).filter((node) => node.type === "heading").map((node) => node.content?.[0]?.text);

describe("the post-mortem page's server data", () => {
  it("carries the stored document, which opens the editor on the template and stays single when the socket sends it again", async () => {
    const { id } = await startedPostMortem(false);
    const page = await readPostMortemPage(contextFor(database.db, commander), id);
    expect(page?.postMortem.id).toBe(id);
    expect(page?.postMortem.canEdit).toBe(true);
    const state = Uint8Array.from(Buffer.from(page!.documentState!, "base64"));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const headings = headingsOf(doc);
    expect(headings[0]).toMatch(/post-mortem: Ledger timeouts$/);
    expect(headings).toContain("Summary");
    // The first sync hands the browser the same update again: Yjs keeps one copy.
    Y.applyUpdate(doc, state);
    expect(headingsOf(doc)).toEqual(headings);
  });

  it("is nothing at all for an outsider to a private incident, so the page is a 404", async () => {
    const { id } = await startedPostMortem(true);
    await expect(readPostMortemPage(contextFor(database.db, outsider), id)).resolves.toBeNull();
    await expect(readPostMortemPage(contextFor(database.db, commander), id)).resolves.not.toBeNull();
  });
});
