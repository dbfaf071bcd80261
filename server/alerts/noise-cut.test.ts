// The noise cut on real rows: notifications (occurrences), distinct alerts and incidents opened by
// alerts, per source and ISO week, for the last 8 weeks.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts } from "@/db/schema";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { openedByAlerts, storeGeneric } from "@/test/alert-rows";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";
import { createAlertSource } from "./sources/create";
import { noiseCut } from "./noise-cut";

let database: TestDatabase;
let admin: Actor;
// Wednesday of ISO week 2026-W49 (Monday 30 November), noon UTC.
const now = new Date("2026-12-02T12:00:00Z");
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
});
afterAll(() => database.close());

/** An alert first seen at `createdAt`, repeated until it counts `occurrences` notifications. */
async function alertAt(source: { id: string; name: string }, title: string, createdAt: Date, occurrences: number) {
  let id = "";
  for (let n = 0; n < occurrences; n++) id = await storeGeneric(database.db, source, { title, deduplication_key: title }, createdAt);
  await database.db.update(alerts).set({ createdAt }).where(eq(alerts.id, id));
  return id;
}

async function incident(isPrivate: boolean) {
  return declareIncident({ ctx: contextFor(database.db, admin), input: { title: "From alerts", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate } });
}

describe("noise cut", () => {
  it("counts notifications, alerts and alert-opened incidents per source and ISO week", async () => {
    const ctx = contextFor(database.db, admin);
    const grafana = (await createAlertSource({ ctx, input: { name: "Grafana", kind: "generic" } })).source;
    const nagios = (await createAlertSource({ ctx, input: { name: "Nagios", kind: "generic" } })).source;

    // W49: Grafana sends 3 alerts (5 + 4 + 1 notifications); two of them open one incident, and a
    // person's incident that an alert joined does not count as opened by alerts.
    const first = await alertAt(grafana, "cpu", at("2026-11-30T01:00:00Z"), 5);
    const second = await alertAt(grafana, "memory", at("2026-12-01T09:00:00Z"), 4);
    const third = await alertAt(grafana, "disk", at("2026-12-02T10:00:00Z"), 1);
    const opened = await incident(false);
    await openedByAlerts(database.db, first, opened.id, at("2026-11-30T01:00:01Z"));
    await openedByAlerts(database.db, second, opened.id, at("2026-11-30T01:00:01Z"));
    const byPerson = await incident(false);
    await database.db.update(alerts).set({ incidentId: byPerson.id }).where(eq(alerts.id, third));
    // W48 (Sunday 29 November, the week before): Grafana 2 alerts, 7 notifications, one private incident.
    const sunday = await alertAt(grafana, "latency", at("2026-11-29T23:30:00Z"), 6);
    await alertAt(grafana, "errors", at("2026-11-29T10:00:00Z"), 1);
    const secret = await incident(true);
    await openedByAlerts(database.db, sunday, secret.id, at("2026-11-29T23:31:00Z"));
    // Nagios in W49: 1 alert; 9 weeks ago: outside the 8 weeks shown.
    await alertAt(nagios, "ping", at("2026-12-02T11:00:00Z"), 2);
    await alertAt(nagios, "ancient", at("2026-09-30T11:00:00Z"), 3);

    const rows = await noiseCut({ ctx, now });
    expect(rows).toEqual([
      { source: { id: grafana.id, name: "Grafana" }, weekStart: "2026-11-30", week: "2026-W49", notifications: 10, alerts: 3, incidents: 1, ratio: 10 },
      { source: { id: nagios.id, name: "Nagios" }, weekStart: "2026-11-30", week: "2026-W49", notifications: 2, alerts: 1, incidents: 0, ratio: null },
      { source: { id: grafana.id, name: "Grafana" }, weekStart: "2026-11-23", week: "2026-W48", notifications: 7, alerts: 2, incidents: 1, ratio: 7 },
    ]);

    // Someone outside the private incident sees the same notifications, without that incident counted.
    const outsider = await createActor(database.db, "responder");
    const theirs = await noiseCut({ ctx: contextFor(database.db, outsider), now });
    expect(theirs.find((row) => row.week === "2026-W48")).toMatchObject({ notifications: 7, alerts: 2, incidents: 0, ratio: null });

    // Through tRPC, any signed-in person may read it.
    const viewer = await createActor(database.db, "viewer");
    expect((await callProcedure(database.db, viewer, "alerts.noiseCut", undefined, "query")).status).toBe(200);
  });
});
