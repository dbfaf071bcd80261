// Every incident procedure, as each workspace role, signed out, and as an outsider to a private incident.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Actor } from "@/server/context";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";
import { declareIncident } from "./declare";
import { getTimeline } from "./timeline";

let database: Database;
let people: Record<"admin" | "responder" | "viewer" | "outsider" | "owner", Actor>;
beforeAll(async () => {
  database = await createTestDatabase();
  people = {
    admin: await createActor(database.db, "admin"),
    responder: await createActor(database.db, "responder"),
    viewer: await createActor(database.db, "viewer"),
    outsider: await createActor(database.db, "responder"),
    owner: await createActor(database.db, "responder"),
  };
});
afterAll(() => database.close());

type Fresh = { id: string; number: number; firstEventId: number };
async function freshIncident(isPrivate: boolean): Promise<Fresh> {
  const ctx = contextFor(database.db, people.owner);
  const { id, reference } = await declareIncident({ ctx, input: { title: "Matrix", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate } });
  const [first] = await getTimeline({ ctx, input: { incidentId: id } });
  return { id, number: Number(reference.slice(4)), firstEventId: first!.id };
}

type Procedure = { path: string; kind: "query" | "mutation"; writes: boolean; input: (incident: Fresh) => unknown };
const procedures = (): Procedure[] => [
  { path: "incidents.get", kind: "query", writes: false, input: (i) => ({ incidentId: i.id }) },
  { path: "incidents.timeline", kind: "query", writes: false, input: (i) => ({ incidentId: i.id }) },
  { path: "incidents.viewers", kind: "query", writes: false, input: (i) => ({ incidentId: i.id }) },
  { path: "incidents.changeStatus", kind: "mutation", writes: true, input: (i) => ({ incidentId: i.id, expectedVersion: 1, to: "investigating" }) },
  { path: "incidents.update", kind: "mutation", writes: true, input: (i) => ({ incidentId: i.id, expectedVersion: 1, summary: "Updated" }) },
  { path: "incidents.correctMilestone", kind: "mutation", writes: true, input: (i) => ({ incidentId: i.id, expectedVersion: 1, milestone: "impactStartedAt", at: new Date(Date.now() - 3_600_000) }) },
  { path: "incidents.assignRole", kind: "mutation", writes: true, input: (i) => ({ incidentId: i.id, expectedVersion: 1, roleKey: "scribe", userId: people.responder.id }) },
  { path: "incidents.releaseRole", kind: "mutation", writes: true, input: (i) => ({ incidentId: i.id, expectedVersion: 1, roleKey: "commander" }) },
  { path: "incidents.addNote", kind: "mutation", writes: true, input: (i) => ({ incidentId: i.id, body: "note" }) },
  { path: "incidents.postStatusUpdate", kind: "mutation", writes: true, input: (i) => ({ incidentId: i.id, body: "We are on it" }) },
  { path: "incidents.addParticipant", kind: "mutation", writes: true, input: (i) => ({ incidentId: i.id, userId: people.viewer.id }) },
  { path: "incidents.setHighlight", kind: "mutation", writes: true, input: (i) => ({ incidentId: i.id, eventId: i.firstEventId, isHighlighted: true }) },
];

describe("incident procedures by role", () => {
  it("everyone signed in reads; responders and admins act; viewers are refused; strangers must sign in", async () => {
    for (const procedure of procedures()) {
      for (const [who, actor] of [
        ["admin", people.admin],
        ["responder", people.responder],
        ["viewer", people.viewer],
        ["signed out", null],
      ] as const) {
        const incident = await freshIncident(false);
        const result = await callProcedure(database.db, actor, procedure.path, procedure.input(incident), procedure.kind);
        // releaseRole on the commander of an open incident is refused by the lifecycle (409) for those allowed to act.
        const allowed = procedure.path === "incidents.releaseRole" ? 409 : 200;
        const expected = actor === null ? 401 : procedure.writes && who === "viewer" ? 403 : allowed;
        expect(result.status, `${procedure.path} as ${who}: ${result.error?.message ?? ""}`).toBe(expected);
      }
    }
  });

  it("an outsider gets 'not found' for every procedure on a private incident; its participant does not", async () => {
    for (const procedure of procedures()) {
      const incident = await freshIncident(true);
      const outsider = await callProcedure(database.db, people.outsider, procedure.path, procedure.input(incident), procedure.kind);
      expect(outsider.status, `${procedure.path} as outsider`).toBe(404);
      expect(outsider.error?.message).toBe("That incident was not found.");
      const owner = await callProcedure(database.db, people.owner, procedure.path, procedure.input(incident), procedure.kind);
      expect([200, 409], `${procedure.path} as participant`).toContain(owner.status);
    }
  });

  it("declare, list and form options: viewers read but cannot declare", async () => {
    const declareInput = { title: "By role", severityId: 3 };
    expect((await callProcedure(database.db, people.viewer, "incidents.declare", declareInput, "mutation")).status).toBe(403);
    expect((await callProcedure(database.db, people.responder, "incidents.declare", declareInput, "mutation")).status).toBe(200);
    expect((await callProcedure(database.db, null, "incidents.declare", declareInput, "mutation")).status).toBe(401);
    for (const actor of [people.viewer, people.responder, people.admin]) {
      expect((await callProcedure(database.db, actor, "incidents.list", {}, "query")).status).toBe(200);
      expect((await callProcedure(database.db, actor, "incidents.formOptions", undefined, "query")).status).toBe(200);
    }
  });

  it("a stale write over HTTP is a 409 that names what changed", async () => {
    const incident = await freshIncident(false);
    await callProcedure(database.db, people.owner, "incidents.update", { incidentId: incident.id, expectedVersion: 1, title: "First writer" }, "mutation");
    const stale = await callProcedure(database.db, people.responder, "incidents.update", { incidentId: incident.id, expectedVersion: 1, title: "Second writer" }, "mutation");
    expect(stale.status).toBe(409);
    expect(stale.error?.message).toContain("Title changed");
  });
});
