import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/context";
import { createActionItem } from "@/server/action-items/create";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { listAudit } from "./list";

let database: TestDatabase;
let admin: Actor;
let lead: Actor;
let owner: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin", "Ada Admin");
  lead = await createActor(database.db, "responder", "Lee Lead");
  owner = await createActor(database.db, "responder", "Olu Owner");
});
afterAll(() => database.close());

describe("audit log entries as people read them", () => {
  it("name the incident by reference and people by name, change by change, with no raw ids", async () => {
    const incident = await declareIncident({
      ctx: contextFor(database.db, lead),
      input: { title: "Checkout down", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false },
    });
    await createActionItem({ ctx: contextFor(database.db, lead), input: { title: "Review the on-call rota", description: "", ownerId: owner.id, priority: "low", kind: "process" } });

    const { entries } = await listAudit({ ctx: contextFor(database.db, admin), input: { limit: 50 } });
    const declared = entries.find((entry) => entry.action === "incident.declared" && entry.entityId === incident.id);
    expect(declared?.subject).toBe(incident.reference);
    const created = entries.find((entry) => entry.action === "action_item.created");
    expect(created?.subject).toBe("Review the on-call rota");
    expect(created?.changes).toContainEqual({ field: "owner", before: null, after: "Olu Owner" });
    expect(JSON.stringify(entries.map((entry) => entry.changes))).not.toContain(owner.id);
  });
});
