import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postMortems } from "@/db/schema";
import { COLLAB_FIELD } from "@/lib/editor/document-extensions";
import type { Actor } from "@/server/context";
import { changeStatus } from "@/server/incidents/change-status";
import { declareIncident } from "@/server/incidents/declare";
import { getTimeline } from "@/server/incidents/timeline";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import { getPostMortem } from "./get";
import { listPostMortems } from "./list";
import { startPostMortem } from "./start";

let database: TestDatabase;
let commander: Actor;
let other: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  commander = await createActor(database.db, "responder", "Pat Commander");
  other = await createActor(database.db, "responder", "Quinn Other");
});
afterAll(() => database.close());

const declare = (isPrivate = false) =>
  declareIncident({ ctx: contextFor(database.db, commander), input: { title: "Ledger timeouts", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate } });

describe("starting a post-mortem", () => {
  it("only the commander can start before mitigation; anyone who acts can after", async () => {
    const early = await declare();
    await expect(startPostMortem({ ctx: contextFor(database.db, other), input: { incidentId: early.id } })).rejects.toMatchObject({ kind: "invalid" });
    const started = await startPostMortem({ ctx: contextFor(database.db, commander), input: { incidentId: early.id } });
    expect(started.id).toMatch(/^[0-9a-f-]{36}$/);

    const later = await declare();
    await changeStatus({ ctx: contextFor(database.db, commander), input: { incidentId: later.id, expectedVersion: 1, to: "monitoring" } });
    await expect(startPostMortem({ ctx: contextFor(database.db, other), input: { incidentId: later.id } })).resolves.toHaveProperty("id");
  });

  it("is one per incident, starts from the template, and is on the incident timeline", async () => {
    const incident = await declare();
    const { id } = await startPostMortem({ ctx: contextFor(database.db, commander), input: { incidentId: incident.id } });
    await expect(startPostMortem({ ctx: contextFor(database.db, commander), input: { incidentId: incident.id } })).rejects.toMatchObject({ kind: "conflict" });
    const events = await getTimeline({ ctx: contextFor(database.db, commander), input: { incidentId: incident.id, kinds: ["post_mortem.started"] } });
    expect(events.map((e) => e.kind === "post_mortem.started" && e.data.postMortemId)).toEqual([id]);

    const [row] = await database.db.select().from(postMortems).where(eq(postMortems.id, id));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row!.documentState!);
    const headings = (yDocToProsemirrorJSON(doc, COLLAB_FIELD).content as { type: string; attrs?: { level: number }; content?: { text: string }[] }[])
      .filter((node) => node.type === "heading" && node.attrs?.level === 2)
      .map((node) => node.content?.[0]?.text);
    expect(headings).toEqual(["Summary", "Impact", "Timeline", "Contributing factors", "What went well", "What was hard", "Where we got lucky", "Action items", "Lessons learned"]);
  });

  it("carries the incident's summary into the Summary section, and leaves it empty when there was none", async () => {
    const incident = await declareIncident({
      ctx: contextFor(database.db, commander),
      input: { title: "Card declines", severityId: 2, kind: "incident", summary: "  Card payments were declined for 12 minutes after a key rotation.  ", serviceIds: [], isPrivate: false },
    });
    const sectionText = async (incidentId: string) => {
      const { id } = await startPostMortem({ ctx: contextFor(database.db, commander), input: { incidentId } });
      const [row] = await database.db.select().from(postMortems).where(eq(postMortems.id, id));
      const doc = new Y.Doc();
      Y.applyUpdate(doc, row!.documentState!);
      const nodes = yDocToProsemirrorJSON(doc, COLLAB_FIELD).content as { type: string; content?: { text: string }[] }[];
      const at = nodes.findIndex((node) => node.type === "heading" && node.content?.[0]?.text === "Summary");
      return nodes[at + 1]?.content?.[0]?.text ?? "";
    };
    expect(await sectionText(incident.id)).toBe("Card payments were declined for 12 minutes after a key rotation.");
    expect(await sectionText((await declare()).id)).toBe("");
  });

  it("follows its incident's privacy: outsiders cannot find it, viewers may read but not edit", async () => {
    const secret = await declare(true);
    const { id } = await startPostMortem({ ctx: contextFor(database.db, commander), input: { incidentId: secret.id } });
    await expect(getPostMortem({ ctx: contextFor(database.db, other), input: { postMortemId: id } })).rejects.toMatchObject({ kind: "not_found" });
    expect((await listPostMortems({ ctx: contextFor(database.db, other) })).map((p) => p.id)).not.toContain(id);

    const open = await declare(false);
    const started = await startPostMortem({ ctx: contextFor(database.db, commander), input: { incidentId: open.id } });
    const viewer = await createActor(database.db, "viewer");
    expect(await getPostMortem({ ctx: contextFor(database.db, viewer), input: { postMortemId: started.id } })).toMatchObject({ canEdit: false, status: "draft" });
    expect(await getPostMortem({ ctx: contextFor(database.db, commander), input: { postMortemId: started.id } })).toMatchObject({ canEdit: true });
  });
});
