// Malformed input over the real tRPC endpoint, one test per class a security pass found answering 500:
// each must be a 4xx with a message a person can act on, and must change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { importMarkdownRunbook } from "@/server/runbooks/import-markdown";
import { contextFor, createActor } from "@/test/actors";
import { sessionCookie, TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { startTrpcServer, type TrpcServer } from "@/test/trpc-server";

let database: TestDatabase;
let server: TrpcServer;
let cookie: string;
let admin: Actor;
let incidentId: string;
let runbookId: string;
beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  cookie = await sessionCookie({ id: admin.id, name: admin.name, email: admin.email });
  const ctx = contextFor(database.db, admin);
  incidentId = (await declareIncident({ ctx, input: { title: "Bad input target", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false } })).id;
  runbookId = (await importMarkdownRunbook({ ctx, input: { markdown: "# Target runbook\n\n- [ ] First step\n" } })).id;
  server = await startTrpcServer();
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

type Answer = { status: number; message: string; code: string | undefined };

async function mutate(path: string, body: string | object): Promise<Answer> {
  const response = await fetch(`${server.base}${path}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: typeof body === "string" ? body : JSON.stringify(body) });
  return answerOf(response);
}

async function query(path: string, input: object): Promise<Answer> {
  const response = await fetch(`${server.base}${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
  return answerOf(response);
}

async function answerOf(response: Response): Promise<Answer> {
  const body = (await response.json()) as { error?: { message: string; data?: { code?: string } } };
  return { status: response.status, message: body.error?.message ?? "", code: body.error?.data?.code };
}

const encodeCursor = (position: object) => Buffer.from(JSON.stringify(position)).toString("base64url");
/** A runbook body of quotes inside quotes, as the JSON text a client would send (built as text: too deep to stringify). */
const nestedRunbook = (depth: number) =>
  `{"title":"Deep runbook","body":{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(depth)}{"type":"paragraph","content":[{"type":"text","text":"deep"}]}${"]}".repeat(depth)}]}}`;

describe("malformed input answers 400 with a readable message", () => {
  it("refuses a NUL byte in text, which PostgreSQL cannot store", async () => {
    const answer = await mutate("teams.create", { name: "Payments\u0000" });
    expect(answer).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(answer.message).toMatch(/Remove the invisible control character/);
  });

  it("refuses a lone UTF-16 surrogate in text that is also written to jsonb", async () => {
    const answer = await mutate("incidents.declare", { title: "Broken emoji", summary: "half an emoji: \ud83d" });
    expect(answer).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(answer.message).toMatch(/broken character/);
  });

  it("refuses numbers beyond int4 for versions and revision numbers", async () => {
    const update = await mutate("incidents.update", { incidentId, expectedVersion: 2 ** 31, title: "Renamed" });
    expect(update).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(update.message).toMatch(/expectedVersion: .*out of range/);
    const revision = await query("runbooks.revision", { id: runbookId, number: 2 ** 31 });
    expect(revision).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    const restore = await mutate("runbooks.restore", { id: runbookId, number: 1, baseRevision: 2 ** 40 });
    expect(restore).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    const note = await mutate("incidents.addNote", { incidentId, body: "correction", correctsEventId: 2 ** 31 });
    expect(note).toMatchObject({ status: 400, code: "BAD_REQUEST" });
  });

  it("refuses a forged list cursor as an out-of-date link", async () => {
    for (const cursor of [
      encodeCursor({ k: 0, d: "2026-01-01T00:00:00.000Z", i: "not-a-uuid" }),
      encodeCursor({ k: 2 ** 40, d: "2026-01-01T00:00:00.000Z", i: incidentId }),
      encodeCursor({ k: 0, d: "-271821-04-20T00:00:00.000Z", i: incidentId }),
      "!!!",
      "e30",
    ]) {
      const answer = await query("incidents.list", { cursor });
      expect(answer, cursor).toMatchObject({ status: 400, code: "BAD_REQUEST" });
      expect(answer.message).toMatch(/This list link is out of date; reload the list/);
    }
  });

  it("refuses a rich document nested 3,000 deep, and one just past the editor's depth", async () => {
    const deep = await mutate("runbooks.create", nestedRunbook(3000));
    expect(deep).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(deep.message).toMatch(/nested too deeply/);
    const past = await mutate("runbooks.create", nestedRunbook(60));
    expect(past).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(past.message).toMatch(/document is nested too deeply/);
  });

  it("refuses document nodes whose text is a number, whose content is a string, or whose type the editor does not know", async () => {
    const bodies = [
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: 5 }] }] },
      { type: "doc", content: [{ type: "paragraph", content: "text" }] },
      { type: "doc", content: [{ type: "script", content: [] }] },
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: "bold" }] }] },
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "nul \u0000" }] }] },
    ];
    for (const body of bodies) {
      const answer = await mutate("runbooks.create", { title: "Malformed body", body });
      expect(answer, JSON.stringify(body)).toMatchObject({ status: 400, code: "BAD_REQUEST" });
      expect(answer.message).toMatch(/^body: /);
    }
  });

  it("refuses JSON nested far deeper than any input with a message, not a stack overflow", async () => {
    const depth = 200_000;
    const answer = await mutate("teams.create", `{"name":${"[".repeat(depth)}${"]".repeat(depth)}}`);
    expect(answer).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(answer.message).toMatch(/The request is nested too deeply/);
    expect(answer.message).not.toMatch(/call stack/i);
  });
});
