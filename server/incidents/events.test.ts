import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { incidentEvents, incidents } from "@/db/schema";
import { describeEvent } from "@/lib/timeline-text";
import type { Actor } from "@/server/context";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";
import { changeStatus } from "./change-status";
import { declareIncident } from "./declare";
import type { EventInput } from "./events";
import { getIncident } from "./get";
import { mutateIncident } from "./mutate";
import type { TimelineEventOutput } from "./outputs";
import { getTimeline } from "./timeline";

let database: Database;
let commander: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  commander = await createActor(database.db, "responder", "Cora Commander");
});
afterAll(() => database.close());

const as = () => contextFor(database.db, commander);
const declare = () => declareIncident({ ctx: as(), input: { title: "Checkout errors", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });

/** Writes a row as an older release did, under a kind name it used, straight into the append-only table. */
async function appendAsOldRelease(incidentId: string, kind: string, data: Record<string, unknown>, bumpVersion: boolean) {
  const [incident] = await database.db.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!incident) throw new Error("no incident");
  const seq = incident.lastEventSeq + 1;
  const version = bumpVersion ? incident.version + 1 : incident.version;
  await database.db.insert(incidentEvents).values({ incidentId, seq, version, kind, actorId: commander.id, occurredAt: new Date(), data, body: null });
  await database.db.update(incidents).set({ lastEventSeq: seq, version }).where(eq(incidents.id, incidentId));
}

describe("timeline events of an older release", () => {
  it("read under today's name, with today's text, and the kind filter finds them", async () => {
    const { id } = await declare();
    await appendAsOldRelease(
      id,
      "runbook_step_done",
      { runbookId: "rb", incidentRunbookId: "run", runbook: "Checkout rollback", stepId: "s-1", step: "Check the dashboard", position: 1, total: 3 },
      false,
    );
    await appendAsOldRelease(id, "alert_attached", { alertId: "al", title: "5xx rate high", labels: { service: "checkout" } }, false);

    const filtered = await getTimeline({ ctx: as(), input: { incidentId: id, kinds: ["runbook.step_done"] } });
    expect(filtered.map((e) => [e.kind, describeEvent(e)])).toEqual([["runbook.step_done", "Checkout rollback: step 1/3 done — Check the dashboard"]]);

    // Through the real endpoint: the output schema parses the mapped kind and its data.
    const response = await callProcedure(database.db, commander, "incidents.timeline", { incidentId: id, kinds: ["alert.attached", "runbook.step_done"] }, "query");
    expect(response.status).toBe(200);
    expect((response.data as TimelineEventOutput[]).map((e) => e.kind)).toEqual(["runbook.step_done", "alert.attached"]);
  });

  it("appear under today's text in a stale writer's conflict message", async () => {
    const { id } = await declare();
    await appendAsOldRelease(id, "postmortem.published", { postMortemId: "pm", revision: 4 }, true);
    await expect(changeStatus({ ctx: as(), input: { incidentId: id, expectedVersion: 1, to: "investigating" } })).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringContaining("Post-mortem published (revision 4)"),
    });
  });

  it("the filter refuses a legacy spelling: callers use the catalogue's names", async () => {
    const { id } = await declare();
    const response = await callProcedure(database.db, commander, "incidents.timeline", { incidentId: id, kinds: ["runbook_step_done"] }, "query");
    expect(response.status).toBe(400);
  });
});

describe("appending events", () => {
  it("refuses data that does not match its kind's schema, and writes nothing", async () => {
    const { id } = await declare();
    const before = await getIncident({ ctx: as(), input: { incidentId: id } });
    // A bug the types would have caught, smuggled past them the way a cast or an `any` would.
    const wrong = { kind: "note.added", data: { corrects: "the last one" } } as unknown as EventInput;
    await expect(mutateIncident(as(), { incidentId: id, expectedVersion: null }, async () => ({ events: [wrong], audit: { action: "incident.note_added" } }))).rejects.toThrow(
      /Timeline event "note.added" has data its schema refuses[\s\S]*corrects/,
    );
    const after = await getIncident({ ctx: as(), input: { incidentId: id } });
    expect(after).toMatchObject({ version: before.version, lastEventSeq: before.lastEventSeq });
    expect(await getTimeline({ ctx: as(), input: { incidentId: id, kinds: ["note.added"] } })).toEqual([]);
  });

  it("stores what the schema parsed, under the catalogue's name", async () => {
    const { id } = await declare();
    await mutateIncident(as(), { incidentId: id, expectedVersion: null }, async () => ({
      changesState: false,
      events: [{ kind: "runbook.rated", data: { runbookId: "rb", runbook: "Checkout rollback", helpful: true } }],
      audit: { action: "incident.runbook_rated" },
    }));
    const rows = await database.db.select({ kind: incidentEvents.kind, data: incidentEvents.data }).from(incidentEvents).where(eq(incidentEvents.incidentId, id));
    expect(rows.at(-1)).toEqual({ kind: "runbook.rated", data: { runbookId: "rb", runbook: "Checkout rollback", helpful: true } });
  });
});
