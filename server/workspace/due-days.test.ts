import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/context";
import { createActionItem } from "@/server/action-items/create";
import { listActionItems } from "@/server/action-items/list";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { callProcedure } from "@/test/trpc-call";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { getDueDays } from "./due-days";

let database: TestDatabase;
let admin: Actor;
let responder: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  responder = await createActor(database.db, "responder");
});
afterAll(() => database.close());

describe("default due days by severity", () => {
  it("start at 14/30/60/90 days, are changed by admins only, and drive new items' due dates", async () => {
    expect((await getDueDays({ ctx: contextFor(database.db, responder) })).map((row) => row.days)).toEqual([14, 30, 60, 90]);
    const days = { "1": 7, "2": 21, "3": 45, "4": 120 };
    expect((await callProcedure(database.db, responder, "workspace.setDueDays", { days }, "mutation")).status).toBe(403);
    expect((await callProcedure(database.db, admin, "workspace.setDueDays", { days }, "mutation")).status).toBe(200);
    expect((await getDueDays({ ctx: contextFor(database.db, responder) })).map((row) => row.days)).toEqual([7, 21, 45, 120]);

    const now = new Date("2026-11-23T12:00:00Z");
    const ctx = { ...contextFor(database.db, responder), now: () => now };
    const incident = await declareIncident({ ctx, input: { title: "Sev1", severityId: 1, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    await createActionItem({ ctx, input: { title: "Fix it for good", description: "", ownerId: responder.id, incidentId: incident.id, priority: "high", kind: "prevent" } });
    const [item] = await listActionItems({ ctx, input: { scope: "incident", incidentId: incident.id, includeClosed: true } });
    expect(item?.dueAt).toEqual(new Date(now.getTime() + 7 * 86_400_000));
  });

  it("refuses nonsense with a message that names the field", async () => {
    const result = await callProcedure(database.db, admin, "workspace.setDueDays", { days: { "1": 0, "2": 30, "3": 60, "4": 90 } }, "mutation");
    expect(result.status).toBe(400);
    expect(result.error?.message).toContain("At least 1 day");
  });
});
