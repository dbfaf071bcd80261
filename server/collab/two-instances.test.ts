// Two app processes on one PostgreSQL, joined by Redis, serve one document: edits and awareness
// (cursors, who is here) cross between instances. On an embedded-database run the server must
// refuse REDIS_URL instead: PGlite belongs to one process.
import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { startApp } from "@/test/app-process";
import { allSynced, appendParagraph, connectClient, paragraphs, sessionCookie, waitFor, type Client } from "@/test/collab-clients";
import { collabSuite } from "@/test/collab-suite";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
// A prefix per run: several runs (and other apps) may share the local Redis.
const redisEnv = { REDIS_URL: redisUrl, REDIS_PREFIX: `daytwo-test-${randomBytes(4).toString("hex")}` };

const suite = collabSuite();

const names = (client: Client) => [...(client.provider.awareness?.getStates().values() ?? [])].map((state) => (state.user as { name?: string } | undefined)?.name).filter(Boolean);

// One of the two describes runs, by engine: nothing is skipped.
const onPostgres = inject("engine") === "postgres";

function twoInstances() {
  it("a writer on each instance sees the other's edits and presence", async () => {
    const [a, b] = await Promise.all([startApp({ ...suite.fixture.env, ...redisEnv }), startApp({ ...suite.fixture.env, ...redisEnv })]);
    const onA = await connectClient(a.port, suite.fixture.postMortemId, await sessionCookie(suite.fixture.writers[0]), { name: "Ada Writer", color: "#2563eb" });
    const onB = await connectClient(b.port, suite.fixture.postMortemId, await sessionCookie(suite.fixture.writers[1]), { name: "Bo Writer", color: "#dc2626" });
    suite.clients.push(onA, onB);

    appendParagraph(onA.doc, "written on instance A");
    await waitFor("B to see A's edit", () => paragraphs(onB.doc).includes("written on instance A"));
    appendParagraph(onB.doc, "written on instance B");
    await waitFor("A to see B's edit", () => paragraphs(onA.doc).includes("written on instance B"));
    await waitFor("both edits acknowledged", () => allSynced(onA) && allSynced(onB));
    expect(paragraphs(onA.doc)).toEqual(paragraphs(onB.doc));

    // Awareness: who is here, and a cursor position, cross instances too.
    await waitFor("each to see the other as present", () => names(onA).includes("Bo Writer") && names(onB).includes("Ada Writer"));
    onB.provider.awareness?.setLocalStateField("cursor", { anchor: 3, head: 7 });
    await waitFor("A to see B's cursor", () => [...(onA.provider.awareness?.getStates().values() ?? [])].some((state) => (state.cursor as { head?: number } | undefined)?.head === 7));

    // Both instances stored into the one database without losing the other's edit.
    await Promise.all([a.stop(), b.stop()]);
    const fresh = await startApp(suite.fixture.env);
    const reader = await connectClient(fresh.port, suite.fixture.postMortemId, await sessionCookie(suite.fixture.writers[0]));
    suite.clients.push(reader);
    expect(paragraphs(reader.doc)).toEqual(expect.arrayContaining(["written on instance A", "written on instance B"]));
  }, 120_000);
}

function refusedOnPglite() {
  it("is refused at start with one line: several instances need PostgreSQL", async () => {
    await expect(startApp({ ...suite.fixture.env, ...redisEnv }, { timeoutMs: 60_000 })).rejects.toThrow(/daytwo: REDIS_URL needs DATABASE_URL/);
  });
}

if (onPostgres) describe("two instances with Redis (PostgreSQL)", twoInstances);
else describe("REDIS_URL on the embedded database", refusedOnPglite);
