import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/context";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { changeStatus } from "./change-status";
import { declareIncident } from "./declare";
import { listIncidents } from "./list";
import { listIncidentsInput } from "./schemas";

let database: TestDatabase;
let responder: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  responder = await createActor(database.db, "responder", "Lister");
  const ctx = contextFor(database.db, responder);
  for (let i = 0; i < 7; i++) {
    const { id } = await declareIncident({
      ctx,
      input: { title: `Incident ${i}`, severityId: (i % 4) + 1, kind: i === 6 ? "drill" : "incident", summary: i === 3 ? "kafka lag" : "", serviceIds: [], isPrivate: false },
    });
    if (i % 2 === 0) await changeStatus({ ctx, input: { incidentId: id, expectedVersion: 1, to: "resolved" } });
  }
});
afterAll(() => database.close());

// Through the procedure's input schema, as a call would: it decodes and checks the cursor.
const list = async (input: Record<string, unknown>) => listIncidents({ ctx: contextFor(database.db, responder), input: listIncidentsInput.parse({ sort: "active_first", limit: 25, ...input }) });

describe("incident list", () => {
  it("puts active incidents first, then newest, and pages by keyset without gaps or repeats", async () => {
    const all = await list({});
    expect(all.incidents.map((i) => i.status === "resolved")).toEqual([false, false, false, true, true, true, true]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ limit: 2, cursor });
      if (cursor) expect(page.countsByStatus).toBeNull();
      seen.push(...page.incidents.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.incidents.map((i) => i.id));
  });

  it("sorts newest, oldest and by severity", async () => {
    const newest = await list({ sort: "newest" });
    const oldest = await list({ sort: "oldest" });
    expect(oldest.incidents.map((i) => i.id)).toEqual([...newest.incidents].reverse().map((i) => i.id));
    const bySeverity = await list({ sort: "severity" });
    const ranks = bySeverity.incidents.map((i) => i.severity.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("filters by status, severity, kind and text, and counts by status ignoring the status filter", async () => {
    const resolved = await list({ statuses: ["resolved"], sort: "newest" });
    expect(resolved.incidents.every((i) => i.status === "resolved")).toBe(true);
    expect(resolved.countsByStatus).toEqual({ triage: 3, resolved: 4 });
    expect((await list({ severityIds: [1] })).incidents.every((i) => i.severity.rank === 1)).toBe(true);
    expect((await list({ kind: "drill" })).incidents.map((i) => i.title)).toEqual(["Incident 6"]);
    expect((await list({ text: "kafka" })).incidents.map((i) => i.title)).toEqual(["Incident 3"]);
    const byReference = await list({ text: (await list({ text: "kafka" })).incidents[0]!.reference });
    expect(byReference.incidents.map((i) => i.title)).toEqual(["Incident 3"]);
  });

  it("answers a tampered cursor with a clear error", async () => {
    await expect(list({ cursor: "not-a-cursor" })).rejects.toThrow(/This list link is out of date; reload the list/);
  });
});
