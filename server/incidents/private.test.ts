import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidents } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/server/context";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase } from "@/test/database";
import { incidentFeed, incidentListFeed } from "@/server/live/incident-feed";
import { addNote } from "./add-note";
import { visibleTo } from "./access";
import { addParticipant } from "./add-participant";
import { changeStatus } from "./change-status";
import { declareIncident } from "./declare";
import { getIncident } from "./get";
import { listIncidents } from "./list";
import { countMatchingByStatus } from "./status-counts";
import { getTimeline } from "./timeline";
import { updateIncident } from "./update";

let database: Database;
let owner: Actor;
let outsider: Actor;
let admin: Actor;
let privateId: string;
let privateReference: string;
beforeAll(async () => {
  database = await createTestDatabase();
  owner = await createActor(database.db, "responder", "Sec Owner");
  outsider = await createActor(database.db, "responder", "Out Sider");
  admin = await createActor(database.db, "admin", "Ad Min");
  const declared = await declareIncident({ ctx: contextFor(database.db, owner), input: { title: "Credential leak", severityId: 1, kind: "incident", summary: "", serviceIds: [], isPrivate: true } });
  privateId = declared.id;
  privateReference = declared.reference;
});
afterAll(() => database.close());

const listInput = { sort: "active_first" as const, limit: 50 };

describe("private incidents", () => {
  it("are not found — not forbidden — for outsiders, in lists, counts, search, timeline and direct reads", async () => {
    const as = contextFor(database.db, outsider);
    await expect(getIncident({ ctx: as, input: { incidentId: privateId } })).rejects.toMatchObject({ kind: "not_found" });
    await expect(getTimeline({ ctx: as, input: { incidentId: privateId } })).rejects.toMatchObject({ kind: "not_found" });
    await expect(addNote({ ctx: as, input: { incidentId: privateId, body: "hi" } })).rejects.toMatchObject({ kind: "not_found" });
    const list = await listIncidents({ ctx: as, input: { ...listInput, text: "Credential" } });
    expect(list.incidents).toHaveLength(0);
    expect(list.countsByStatus?.triage ?? 0).toBe(0);
    const byReference = await listIncidents({ ctx: as, input: { ...listInput, text: privateReference } });
    expect(byReference.incidents).toHaveLength(0);
  });

  it("are visible to participants and admins", async () => {
    for (const actor of [owner, admin]) {
      const list = await listIncidents({ ctx: contextFor(database.db, actor), input: { ...listInput, text: "Credential" } });
      expect(list.incidents.map((i) => i.id)).toEqual([privateId]);
      expect(list.countsByStatus?.triage).toBe(1);
    }
  });

  it("status tab counts, read from the counters, equal a count of what each person may see", async () => {
    const ownerCtx = contextFor(database.db, owner);
    const shared = await declareIncident({ ctx: ownerCtx, input: { title: "Slow search", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    await changeStatus({ ctx: ownerCtx, input: { incidentId: shared.id, expectedVersion: 1, to: "resolved" } });
    const secret = await declareIncident({ ctx: ownerCtx, input: { title: "Key rotation", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: true } });
    await changeStatus({ ctx: ownerCtx, input: { incidentId: secret.id, expectedVersion: 1, to: "investigating" } });
    const check = async (expected: Record<Actor["role"] | "outsider", Record<string, number>>) => {
      for (const [name, actor] of [
        ["responder", owner],
        ["outsider", outsider],
        ["admin", admin],
      ] as const) {
        const ctx = contextFor(database.db, actor);
        const visible = [visibleTo(actor)].filter((f) => f !== undefined);
        const listed = (await listIncidents({ ctx, input: listInput })).countsByStatus;
        expect(listed, name).toEqual(await countMatchingByStatus(ctx, visible));
        expect(listed, name).toEqual(expected[name]);
        // Severity and kind filters are answered by the counters too, and must agree with a count.
        const bySeverity = (await listIncidents({ ctx, input: { ...listInput, severityIds: [2] } })).countsByStatus;
        expect(bySeverity, `${name}, SEV2`).toEqual(await countMatchingByStatus(ctx, [...visible, inArray(incidents.severityId, [2])]));
        const drills = (await listIncidents({ ctx, input: { ...listInput, kind: "drill" } })).countsByStatus;
        expect(drills, `${name}, drills`).toEqual(await countMatchingByStatus(ctx, [...visible, eq(incidents.kind, "drill")]));
      }
    };
    await check({ responder: { triage: 1, investigating: 1, resolved: 1 }, outsider: { resolved: 1 }, admin: { triage: 1, investigating: 1, resolved: 1 }, viewer: {} });
    await addParticipant({ ctx: ownerCtx, input: { incidentId: secret.id, userId: outsider.id } });
    const { version } = await getIncident({ ctx: ownerCtx, input: { incidentId: secret.id } });
    await changeStatus({ ctx: ownerCtx, input: { incidentId: secret.id, expectedVersion: version, to: "resolved" } });
    await check({ responder: { triage: 1, resolved: 2 }, outsider: { resolved: 2 }, admin: { triage: 1, resolved: 2 }, viewer: {} });
  });

  it("subscriptions refuse outsiders like everything else", async () => {
    const feed = incidentFeed(contextFor(database.db, outsider), privateId, 0);
    await expect(feed.next()).rejects.toMatchObject({ kind: "not_found" });
  });

  it("the list feed does not tell outsiders that a private incident changed", async () => {
    const controller = new AbortController();
    const outsiderFeed = incidentListFeed(contextFor(database.db, outsider), controller.signal);
    const received: (string | null)[] = [];
    const reading = (async () => {
      for await (const id of outsiderFeed) received.push(id);
    })();
    const publicOne = await declareIncident({ ctx: contextFor(database.db, owner), input: { title: "Public blip", severityId: 4, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    // Lists show state, so only state changes (not notes) tell them.
    let round = 0;
    const touchPublic = async () => {
      const { version } = await getIncident({ ctx: contextFor(database.db, owner), input: { incidentId: publicOne.id } });
      await updateIncident({ ctx: contextFor(database.db, owner), input: { incidentId: publicOne.id, expectedVersion: version, title: `Public blip ${++round}` } });
    };
    // The feed starts listening on its first read: keep touching the public incident until it is heard.
    await expect.poll(async () => (await touchPublic(), received.includes(publicOne.id)), { timeout: 5000 }).toBe(true);
    received.length = 0;
    const secret = await getIncident({ ctx: contextFor(database.db, owner), input: { incidentId: privateId } });
    await updateIncident({ ctx: contextFor(database.db, owner), input: { incidentId: privateId, expectedVersion: secret.version, title: "Secret, renamed" } });
    await touchPublic();
    // Notifications arrive in commit order: once the later public change is heard, the private one would have been too.
    await expect.poll(() => received.includes(publicOne.id), { timeout: 5000 }).toBe(true);
    controller.abort();
    await reading;
    expect(received).not.toContain(privateId);
  });

  it("adding a participant grants access and is recorded on the timeline", async () => {
    await addParticipant({ ctx: contextFor(database.db, owner), input: { incidentId: privateId, userId: outsider.id } });
    const incident = await getIncident({ ctx: contextFor(database.db, outsider), input: { incidentId: privateId } });
    expect(incident.participants.map((p) => p.name)).toContain("Out Sider");
    const events = await getTimeline({ ctx: contextFor(database.db, outsider), input: { incidentId: privateId, kinds: ["participant.added"] } });
    expect(events.map((e) => e.kind === "participant.added" && e.data.user)).toEqual(["Out Sider"]);
  });
});
