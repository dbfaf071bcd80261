import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import type { Database } from "@/db/client";
import { runReminderScan } from "@/server/reminders/scan";
import { getRunbook } from "@/server/runbooks/get";
import { listRunbooks } from "@/server/runbooks/list";
import { contextFor } from "@/test/actors";
import { actionItems, notifications, runbookServices, services, teams, users, workspace } from "@/db/schema";
import { DEMO_PASSWORD, seedDemoWorkspace } from "./demo-workspace";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("demo workspace", () => {
  it("creates every role, three teams and a catalog of owned, tiered services — once", async () => {
    expect(await seedDemoWorkspace(database.db)).toEqual({ seeded: true });
    const roles = await database.db.select({ role: users.role }).from(users);
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(["admin", "responder", "viewer"]));
    expect(await database.db.select().from(teams)).toHaveLength(3);
    const catalog = await database.db.select().from(services);
    expect(catalog.length).toBeGreaterThanOrEqual(8);
    expect(catalog.every((s) => s.ownerTeamId !== null && s.tier >= 1 && s.tier <= 3)).toBe(true);
    expect((await database.db.select().from(workspace))[0]?.isDemo).toBe(true);
    // Follow-ups around the seed time: the first reminder scan finds some overdue and due soon.
    const items = await database.db.select().from(actionItems);
    expect(items.some((item) => item.dueAt < new Date())).toBe(true);
    expect(items.every((item) => item.teamId !== null)).toBe(true);

    expect(await seedDemoWorkspace(database.db)).toEqual({ seeded: false });
    const [{ count } = { count: 0 }] = await database.db.select({ count: sql<number>`count(*)::int` }).from(users);
    expect(count).toBe(roles.length);
    const signIn = await verifyCredentials(database.db, { email: "viewer@example.com", password: DEMO_PASSWORD, ip: null });
    expect(signIn.outcome).toBe("signed_in");
  });

  it("gives every service a runbook of 4–9 steps, with alert matchers, owners, and every freshness state", async () => {
    const catalog = await database.db.select({ id: services.id, name: services.name }).from(services);
    const links = await database.db.select().from(runbookServices);
    for (const service of catalog)
      expect(
        links.some((l) => l.serviceId === service.id),
        service.name,
      ).toBe(true);
    const [sam] = await database.db.select().from(users).where(eq(users.email, "sam@example.com"));
    const { items } = await listRunbooks({ ctx: contextFor(database.db, sam!), input: {} });
    expect(items.every((r) => r.ownerTeam !== null)).toBe(true);
    expect(new Set(items.map((r) => r.freshness.state))).toEqual(new Set(["fresh", "review_soon", "stale"]));
    expect(items.filter((r) => r.freshness.state === "stale").length).toBeGreaterThanOrEqual(2);
    const checkout = items.find((r) => r.title === "Checkout: high error rate");
    expect(checkout?.freshness.reasons).toContain("1 open action item targets this runbook");
    const details = await Promise.all(items.map((r) => getRunbook({ ctx: contextFor(database.db, sam!), input: { id: r.id } })));
    for (const runbook of details) expect(runbook.steps.length, runbook.title).toBeGreaterThanOrEqual(4);
    for (const runbook of details) expect(runbook.steps.length, runbook.title).toBeLessThanOrEqual(9);
    expect(details.find((r) => r.title === "Checkout: high error rate")?.alertMatchers).toEqual([
      { label: "alertname", value: "HighErrorRate" },
      { label: "service", value: "checkout" },
    ]);
    expect((await listRunbooks({ ctx: contextFor(database.db, sam!), input: { q: "failover" } })).items.length).toBeGreaterThan(0);
  });

  it("gives demo people reminders on the first scan: Priya an overdue and a due-soon item, Riley an overdue one", async () => {
    await runReminderScan(database.db, new Date());
    const rows = await database.db.select({ email: users.email, title: notifications.title }).from(notifications).innerJoin(users, eq(users.id, notifications.userId));
    // Action item reminders only: runbook review reminders to team leads are checked with the runbooks.
    const titlesOf = (email: string) =>
      rows
        .filter((row) => row.email === email && !row.title.startsWith("Review due"))
        .map((row) => row.title)
        .sort();
    expect(titlesOf("priya@example.com")).toEqual(["Due soon: Write the Postgres failover runbook", "Overdue: Alert on connection-pool saturation"]);
    expect(titlesOf("responder@example.com")).toEqual(["Overdue: Make card captures idempotent on retry"]);
    expect(titlesOf("sam@example.com")).toEqual([]);
  });
});
