// The incident's alerts panel: ingested alerts carry their live state (firing first, tier,
// occurrences, last seen, a link to the alert), and hand-attached ones keep working without it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidentAlerts } from "@/db/schema";
import type { Actor } from "@/server/context";
import { createAlertSource } from "@/server/alerts/sources/create";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { openedByAlerts, storeGeneric } from "@/test/alert-rows";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { attachAlert } from "./attach-alert";
import { alertsForIncident } from "./alerts";

let database: TestDatabase;
let admin: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
});
afterAll(() => database.close());

describe("alerts on an incident", () => {
  it("lists firing alerts first, with their tier, repeats and a link to each", async () => {
    const ctx = contextFor(database.db, admin);
    const { id: incidentId } = await declareIncident({ ctx, input: { title: "Checkout down", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    const sourceId = (await createAlertSource({ ctx, input: { name: "Grafana", kind: "generic" } })).source.id;
    await attachAlert({ ctx, input: { incidentId, title: "Pasted by hand", labels: { service: "checkout" } } });
    const ended = await storeGeneric(database.db, sourceId, { title: "Errors", deduplication_key: "errors", metadata: { severity: "warning" } });
    await storeGeneric(database.db, sourceId, { title: "Errors", deduplication_key: "errors", status: "resolved", metadata: { severity: "warning" } });
    const firing = await storeGeneric(database.db, sourceId, { title: "Latency", deduplication_key: "latency", metadata: { severity: "critical" } });
    await storeGeneric(database.db, sourceId, { title: "Latency", deduplication_key: "latency", metadata: { severity: "critical" } });
    // What routing does when an alert joins an incident.
    for (const [alertId, title] of [
      [ended, "Errors"],
      [firing, "Latency"],
    ] as const) {
      await openedByAlerts(database.db, alertId, incidentId);
      await database.db.insert(incidentAlerts).values({ incidentId, title, alertId, source: "Grafana" });
    }

    const rows = await alertsForIncident({ ctx, input: { incidentId } });
    expect(rows.map((row) => [row.title, row.status, row.tier, row.occurrences])).toEqual([
      ["Latency", "firing", "critical", 2],
      ["Pasted by hand", null, null, null],
      ["Errors", "resolved", "warning", 2],
    ]);
    expect(rows[0]).toMatchObject({ alertId: firing, lastSeenAt: expect.any(Date) });
    expect(rows[1]).toMatchObject({ alertId: null, attachedBy: { id: admin.id } });
  });
});
