// Lists read only what they show: one big post-mortem document must not slow every list for everyone
// (issue 12: postMortems.list went from 11 ms to 913 ms once one 4 MB document existed).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postMortems } from "@/db/schema";
import { actionItemDashboard } from "@/server/action-items/dashboard";
import { listActionItems } from "@/server/action-items/list";
import { dashboardInput, listActionItemsInput } from "@/server/action-items/schemas";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { listIncidents } from "@/server/incidents/list";
import { listIncidentsInput } from "@/server/incidents/schemas";
import { listRunbooks } from "@/server/runbooks/list";
import { listRunbooksInput } from "@/server/runbooks/schemas";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { recordingDb } from "@/test/query-log";
import { listPostMortems } from "./list";
import { startPostMortem } from "./start";

// The columns that hold whole documents, by table: no list may name them.
const bigColumns = [/"post_mortems"\."(content|document_state)"/, /"runbooks"\."(body|body_text)"/];

let database: TestDatabase;
let admin: Actor;
let postMortemId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  const incident = await declareIncident({ ctx: contextFor(database.db, admin), input: { title: "Big write-up", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
  ({ id: postMortemId } = await startPostMortem({ ctx: contextFor(database.db, admin), input: { incidentId: incident.id } }));
  // A 4 MB document, as a long write-up with pasted logs becomes.
  const paragraph = { type: "paragraph", content: [{ type: "text", text: "x".repeat(4 * 1024 * 1024) }] };
  await database.db
    .update(postMortems)
    .set({ content: { type: "doc", content: [paragraph] }, documentState: new Uint8Array(4 * 1024 * 1024) })
    .where(eq(postMortems.id, postMortemId));
});
afterAll(() => database.close());

async function statementsOf(list: (ctx: ReturnType<typeof contextFor>) => Promise<unknown>): Promise<string[]> {
  const recording = recordingDb(database);
  await list(contextFor(recording.db, admin));
  return recording.statements;
}

describe("lists select only what they show", () => {
  it("postMortems.list lists the big post-mortem without reading its document", async () => {
    const recording = recordingDb(database);
    const listed = await listPostMortems({ ctx: contextFor(recording.db, admin) });
    expect(listed.map((row) => row.id)).toContain(postMortemId);
    expect(recording.statements.length).toBeGreaterThan(0);
    for (const statement of recording.statements) for (const column of bigColumns) expect(statement).not.toMatch(column);
  });

  it.each([
    ["actionItems.dashboard", (ctx: ReturnType<typeof contextFor>) => actionItemDashboard({ ctx, input: dashboardInput.parse({}) })],
    ["actionItems.list", (ctx: ReturnType<typeof contextFor>) => listActionItems({ ctx, input: listActionItemsInput.parse({ scope: "all" }) })],
    ["incidents.list", (ctx: ReturnType<typeof contextFor>) => listIncidents({ ctx, input: listIncidentsInput.parse({}) })],
    ["runbooks.list", (ctx: ReturnType<typeof contextFor>) => listRunbooks({ ctx, input: listRunbooksInput.parse({}) })],
  ])("%s reads no stored document", async (_name, list) => {
    const statements = await statementsOf(list);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) for (const column of bigColumns) expect(statement).not.toMatch(column);
  });
});
