// Real WebSocket clients against the co-editing server: an account change reaches a socket that is
// already open, and oversized messages and documents are refused with the document unchanged.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postMortems } from "@/db/schema";
import type { Actor } from "@/server/context";
import { endSession } from "@/server/auth/sessions";
import { declareIncident } from "@/server/incidents/declare";
import { startPostMortem } from "@/server/post-mortems/start";
import { changeRole } from "@/server/users/change-role";
import { setUserActive } from "@/server/users/set-active";
import { contextFor, createActor } from "@/test/actors";
import { allSynced, appendParagraph, connectClient, paragraphs, sessionCookie, waitFor, type Client } from "@/test/collab-clients";
import { startCollabInProcess, type InProcessCollab } from "@/test/collab-in-process";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { currentDocumentJson } from "./persistence";

let database: TestDatabase;
let collab: InProcessCollab;
let admin: Actor;
const clients: Client[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  collab = await startCollabInProcess();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await collab?.close();
  await database?.close();
});

async function newPostMortem(): Promise<string> {
  const ctx = contextFor(database.db, admin);
  const incident = await declareIncident({ ctx, input: { title: "Co-editing limits", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
  return (await startPostMortem({ ctx, input: { incidentId: incident.id } })).id;
}

async function connect(postMortemId: string, actor: Actor) {
  const client = await connectClient(collab.port, postMortemId, await sessionCookie(actor));
  clients.push(client);
  const closes: { code: number; reason: string }[] = [];
  const denials: string[] = [];
  client.provider.on("close", ({ event }: { event: { code: number; reason: string } }) => closes.push({ code: event.code, reason: event.reason }));
  client.provider.on("authenticationFailed", ({ reason }: { reason: string }) => denials.push(reason));
  return { ...client, closes, denials };
}

/** The document as publishing and export read it: stored state plus every logged update. */
async function savedText(postMortemId: string): Promise<string> {
  const [row] = await database.db.select().from(postMortems).where(eq(postMortems.id, postMortemId));
  return JSON.stringify(await currentDocumentJson(database.db, row!));
}

/** A negative: `text` is not saved, and still is not a second later (the write had time to land). */
async function expectNeverSaved(postMortemId: string, text: string): Promise<void> {
  const until = Date.now() + 1000;
  while (Date.now() < until) {
    expect(await savedText(postMortemId)).not.toContain(text);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("revocation reaches an open co-editing socket", () => {
  it("a writer deactivated while the document is open cannot save another word", async () => {
    const postMortemId = await newPostMortem();
    const writer = await createActor(database.db, "responder");
    const client = await connect(postMortemId, writer);
    appendParagraph(client.doc, "written before");
    await waitFor("the first edit to be saved", () => allSynced(client));

    await setUserActive({ ctx: contextFor(database.db, admin), input: { userId: writer.id, isActive: false } });
    appendParagraph(client.doc, "written after the deactivation");

    await waitFor("the reconnect to be refused", () => client.denials.length > 0);
    expect(await savedText(postMortemId)).toContain("written before");
    await expectNeverSaved(postMortemId, "written after the deactivation");
  });

  it("a writer made a viewer while the document is open is switched to read-only and nothing more lands", async () => {
    const postMortemId = await newPostMortem();
    const writer = await createActor(database.db, "responder");
    const client = await connect(postMortemId, writer);
    expect(client.provider.authorizedScope).toBe("read-write");

    await changeRole({ ctx: contextFor(database.db, admin), input: { userId: writer.id, role: "viewer" } });
    await waitFor("the socket to re-authenticate read-only", () => client.provider.authorizedScope === "readonly" && client.provider.isSynced);
    appendParagraph(client.doc, "written as a viewer");

    await expectNeverSaved(postMortemId, "written as a viewer");
    expect(client.provider.unsyncedChanges).toBeGreaterThan(0);
  });
});

describe("sign-out reaches an open co-editing socket", () => {
  it("a signed-out session's socket is closed and refused on reconnect, and writes nothing more", async () => {
    const postMortemId = await newPostMortem();
    const writer = await createActor(database.db, "responder");
    const client = await connect(postMortemId, writer);

    await endSession(database.db, writer.sessionId);
    appendParagraph(client.doc, "written after signing out");

    await waitFor("the reconnect to be refused", () => client.denials.length > 0);
    await expectNeverSaved(postMortemId, "written after signing out");
  });
});

describe("co-editing size limits", () => {
  it("closes the socket on a 6 MB paragraph, keeps the document unchanged, and keeps serving others", async () => {
    const postMortemId = await newPostMortem();
    const writer = await createActor(database.db, "responder");
    const client = await connect(postMortemId, writer);
    const before = await savedText(postMortemId);

    appendParagraph(client.doc, `huge:${"x".repeat(6 * 1024 * 1024)}`);
    await waitFor("the server to close the socket as too big", () => client.closes.some((close) => close.code === 1009));
    client.destroy();
    expect(await savedText(postMortemId)).toBe(before);

    const other = await connect(postMortemId, await createActor(database.db, "responder"));
    expect(paragraphs(other.doc).some((text) => text.startsWith("huge:"))).toBe(false);
    appendParagraph(other.doc, "an ordinary edit");
    await waitFor("an ordinary edit to be saved", () => allSynced(other));
    expect(await savedText(postMortemId)).toContain("an ordinary edit");
  });

  it("refuses the change that would take the document past 2 MB, saying why, and keeps what was saved", async () => {
    const postMortemId = await newPostMortem();
    const writer = await createActor(database.db, "responder");
    const client = await connect(postMortemId, writer);
    // Each under the 1 MB message limit; the third would make the document larger than 2 MB.
    for (const label of ["first", "second"]) {
      appendParagraph(client.doc, `${label}:${"y".repeat(900 * 1024)}`);
      await waitFor(`the ${label} large paragraph to be saved`, () => allSynced(client));
    }
    appendParagraph(client.doc, `third:${"z".repeat(900 * 1024)}`);
    await waitFor("the refusal to reach the client", () => client.closes.some((close) => close.reason === "too-large"));
    client.destroy();

    const saved = await savedText(postMortemId);
    expect(saved).toContain("first:");
    expect(saved).toContain("second:");
    expect(saved).not.toContain("third:");
  });
});
