// The incident's alerts panel: alerts routed to it carry their live state (firing first, tier,
// occurrences, last seen, a link to the alert), and hand-attached ones keep working without it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/context";
import { createAlertSource } from "@/server/alerts/sources/create";
import { contextFor, createActor } from "@/test/actors";
import { storeGeneric, storeGenericAlert } from "@/test/alert-rows";
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
    const source = (await createAlertSource({ ctx, input: { name: "Grafana", kind: "generic" } })).source;
    // Routing: the first opens an incident, the second (same service) joins it; then it resolves.
    const errors = await storeGenericAlert(database.db, source, { title: "Errors", deduplication_key: "errors", metadata: { severity: "warning", service: "checkout" } });
    const incidentId = errors.incidentId;
    if (!incidentId) throw new Error("routing opened no incident");
    const latency = await storeGenericAlert(database.db, source, { title: "Latency", deduplication_key: "latency", metadata: { severity: "critical", service: "checkout" } });
    expect(latency.incidentId).toBe(incidentId);
    await storeGeneric(database.db, source, { title: "Latency", deduplication_key: "latency", metadata: { severity: "critical", service: "checkout" } });
    await storeGeneric(database.db, source, { title: "Errors", deduplication_key: "errors", status: "resolved", metadata: { severity: "warning", service: "checkout" } });
    await attachAlert({ ctx, input: { incidentId, title: "Pasted by hand", labels: { service: "checkout" } } });

    const rows = await alertsForIncident({ ctx, input: { incidentId } });
    expect(rows.map((row) => [row.title, row.status, row.tier, row.occurrences])).toEqual([
      ["Latency", "firing", "critical", 2],
      ["Errors", "resolved", "warning", 2],
      ["Pasted by hand", null, null, null],
    ]);
    expect(rows[0]).toMatchObject({ alertId: latency.id, lastSeenAt: expect.any(Date) });
    expect(rows[2]).toMatchObject({ alertId: null, attachedBy: { id: admin.id } });
  });
});
