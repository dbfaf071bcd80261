// The promise behind "All changes saved": an edit the server acknowledged survives kill -9.
// Runs the real server process on this run's engine (PGlite data folder or PostgreSQL).
import { describe, expect, it } from "vitest";
import { startApp } from "@/test/app-process";
import { allSynced, appendParagraph, connectClient, paragraphs, sessionCookie, waitFor } from "@/test/collab-clients";
import { collabSuite } from "@/test/collab-suite";

const suite = collabSuite();

describe("acknowledged edits and kill -9", () => {
  it("every edit acknowledged before kill -9 is in the document after a restart", async () => {
    const app = await startApp(suite.fixture.env);
    const writer = await connectClient(app.port, suite.fixture.postMortemId, await sessionCookie(suite.fixture.writers[0]));
    suite.clients.push(writer);
    const edits = Array.from({ length: 120 }, (_, i) => `acknowledged edit ${i + 1}`);
    for (const edit of edits) appendParagraph(writer.doc, edit);
    await waitFor("the server to acknowledge every edit", () => allSynced(writer));

    // At once, inside the store debounce: the last edits exist only in the update log.
    await app.crash();
    writer.destroy();

    const restarted = await startApp(suite.fixture.env);
    const reader = await connectClient(restarted.port, suite.fixture.postMortemId, await sessionCookie(suite.fixture.writers[1]));
    suite.clients.push(reader);
    expect(paragraphs(reader.doc).filter((text) => text.startsWith("acknowledged edit"))).toEqual(edits);
    await restarted.stop();
  }, 120_000);

  it("keeps acknowledged edits across repeated crashes while typing continues", async () => {
    const cookie = await sessionCookie(suite.fixture.writers[0]);
    const all: string[] = [];
    for (let round = 1; round <= 3; round++) {
      const app = await startApp(suite.fixture.env);
      const writer = await connectClient(app.port, suite.fixture.postMortemId, cookie);
      suite.clients.push(writer);
      // Typing spread over more than the 1 s max debounce, so compaction runs mid-typing too.
      const started = Date.now();
      for (let i = 1; Date.now() - started < 1500 || i <= 10; i++) {
        const edit = `round ${round} edit ${i}`;
        appendParagraph(writer.doc, edit);
        all.push(edit);
        await waitFor("acknowledgement", () => allSynced(writer));
      }
      await app.crash();
      writer.destroy();
    }
    const app = await startApp(suite.fixture.env);
    const reader = await connectClient(app.port, suite.fixture.postMortemId, cookie);
    suite.clients.push(reader);
    expect(paragraphs(reader.doc).filter((text) => text.startsWith("round "))).toEqual(all);
  }, 180_000);
});
