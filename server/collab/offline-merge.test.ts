// A writer who lost the connection keeps typing; on reconnect both sides' edits merge, and the
// merged document is what the server keeps.
import { describe, expect, it } from "vitest";
import { fetchDocumentState } from "@/server/collab/persistence";
import { startApp } from "@/test/app-process";
import { allSynced, appendParagraph, connectClient, paragraphs, sessionCookie, waitFor, type Client } from "@/test/collab-clients";
import { collabSuite } from "@/test/collab-suite";
import * as Y from "yjs";

const suite = collabSuite();

const hasAll = (client: Client, texts: string[]) => texts.every((text) => paragraphs(client.doc).includes(text));

describe("offline edits", () => {
  it("merge with the online writer's edits on reconnect, and the server keeps both", async () => {
    const app = await startApp(suite.fixture.env);
    const online = await connectClient(app.port, suite.fixture.postMortemId, await sessionCookie(suite.fixture.writers[0]));
    const offline = await connectClient(app.port, suite.fixture.postMortemId, await sessionCookie(suite.fixture.writers[1]));
    suite.clients.push(online, offline);

    const socket = offline.provider.configuration.websocketProvider;
    socket.disconnect();
    await waitFor("the second writer to be offline", () => socket.status === "disconnected");
    const onlineEdits = ["online: the queue drained at 10:42", "online: paging worked"];
    const offlineEdits = ["offline: the retry storm began at 10:31", "offline: dashboards lagged"];
    for (const edit of onlineEdits) appendParagraph(online.doc, edit);
    for (const edit of offlineEdits) appendParagraph(offline.doc, edit);
    await waitFor("the online writer's edits to be acknowledged", () => allSynced(online));
    expect(hasAll(offline, onlineEdits)).toBe(false);
    expect(offline.provider.unsyncedChanges).toBeGreaterThan(0);

    await socket.connect();
    const both = [...onlineEdits, ...offlineEdits];
    await waitFor("both writers to see both sets of edits", () => hasAll(online, both) && hasAll(offline, both));
    await waitFor("the reconnected writer's edits to be acknowledged", () => allSynced(offline));
    expect(paragraphs(online.doc)).toEqual(paragraphs(offline.doc));

    // What the server keeps, after a crash: a fresh client on a restarted server reads both.
    await app.crash();
    const restarted = await startApp(suite.fixture.env);
    const reader = await connectClient(restarted.port, suite.fixture.postMortemId, await sessionCookie(suite.fixture.writers[0]));
    suite.clients.push(reader);
    expect(paragraphs(reader.doc)).toEqual(paragraphs(online.doc));

    if (suite.fixture.db) {
      // On PostgreSQL the test also reads the database directly: stored state plus update log.
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await fetchDocumentState(`post-mortem:${suite.fixture.postMortemId}`))!);
      expect(paragraphs(stored)).toEqual(expect.arrayContaining(both));
    }
  }, 120_000);
});
