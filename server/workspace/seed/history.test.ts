import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { actionItemDashboard } from "@/server/action-items/dashboard";
import { listIncidents } from "@/server/incidents/list";
import { getTimeline } from "@/server/incidents/timeline";
import type { Actor } from "@/server/context";
import { users } from "@/db/schema";
import { seedDemoWorkspace } from "./demo-workspace";
import { seedDemoHistory } from "./history";

let database: TestDatabase;
let lead: Actor;
const now = new Date("2026-11-23T09:00:00Z");
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoWorkspace(database.db, now);
  await seedDemoHistory(database.db, now);
  const [sam] = await database.db.select().from(users).where(eq(users.email, "sam@example.com"));
  lead = { id: sam!.id, role: sam!.role, name: sam!.name, email: sam!.email };
});
afterAll(() => database.close());

const ctx = () => ({ db: database.db, actor: lead, requestId: "seed-test", now: () => now });

describe("demo history", () => {
  it("gives the leads' dashboard real figures: four overdue, two due soon, one post-mortem of two decided closed on time", async () => {
    const dashboard = await actionItemDashboard({ ctx: ctx(), input: { weeks: 12 } });
    // Past incidents leave four open (two overdue, one due within a week); the runbook seed adds one
    // targeting the checkout runbook; the standalone follow-ups add five (two overdue, one due soon).
    expect(dashboard.totals).toMatchObject({ open: 10, overdue: 4, dueSoon: 2 });
    expect(dashboard.postMortems).toEqual({ closedOnTime: 1, missed: 1, pending: 1, share: 0.5 });
    expect(dashboard.byOwner.map((row) => row.label)).toContain("Sam Rivera");
    expect(dashboard.completion.reduce((sum, week) => sum + week.closed, 0)).toBeGreaterThanOrEqual(3);
  });

  it("writes whole timelines through the real verbs and leaves one incident open", async () => {
    const open = await listIncidents({ ctx: ctx(), input: { statuses: ["triage", "investigating", "identified", "monitoring"], sort: "newest", limit: 50 } });
    expect(open.incidents.map((incident) => incident.title)).toEqual(["Elevated error rate on profile updates"]);
    const all = await listIncidents({ ctx: ctx(), input: { sort: "newest", limit: 50 } });
    const checkout = all.incidents.find((incident) => incident.title === "Checkout API returning 502s");
    const kinds = (await getTimeline({ ctx: ctx(), input: { incidentId: checkout!.id } })).map((event) => event.kind);
    expect(kinds).toEqual(expect.arrayContaining(["incident.declared", "status.changed", "post_mortem.published", "action_item.created", "action_item.status_changed"]));
  });
});
