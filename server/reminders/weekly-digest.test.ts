import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, reminderDeliveries, teamMembers } from "@/db/schema";
import { createActionItem } from "@/server/action-items/create";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { at, createItem, createTeam, days } from "@/test/reminder-fixtures";
import { isoWeek } from "./dates";
import { sendWeeklyDigests } from "./weekly-digest";

let database: TestDatabase;
let lead: Actor;
let member: Actor;
let adminLead: Actor;
let teamId: string;
// Monday 08:00 UTC, when the schedule fires.
const now = new Date("2026-11-23T08:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  lead = await createActor(database.db, "responder", "Lena Lead");
  member = await createActor(database.db, "responder", "Mo Member");
  adminLead = await createActor(database.db, "admin", "Ada Admin");
  teamId = await createTeam(database.db, lead, [member]);
  await database.db.insert(teamMembers).values({ teamId, userId: adminLead.id, isLead: true });

  await createItem(database.db, { owner: member, teamId, dueAt: at(now, -days(4)), title: "Overdue runbook fix" });
  await createItem(database.db, { owner: lead, teamId, dueAt: at(now, days(3)), title: "Soon: capacity review" });
  await createItem(database.db, { owner: lead, teamId, dueAt: at(now, days(20)), title: "Far away item" });
  await createItem(database.db, { owner: member, teamId, dueAt: at(now, -days(1)), title: "Closed item", status: "done" });
  const otherTeam = await createTeam(database.db, await createActor(database.db, "responder", "Other Lead"));
  await createItem(database.db, { owner: member, teamId: otherTeam, dueAt: at(now, -days(1)), title: "Other team's item" });
  // A private incident the responder lead is not part of: its item must not reach that lead's digest.
  const commander = await createActor(database.db, "responder", "Cal Commander");
  const ctx = { ...contextFor(database.db, commander), now: () => now };
  const incident = await declareIncident({ ctx, input: { title: "HR matter", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: true } });
  await createActionItem({
    ctx,
    input: { title: "Secret follow-up", description: "", ownerId: member.id, teamId, incidentId: incident.id, dueAt: at(now, days(2)), priority: "high", kind: "process" },
  });
});
afterAll(() => database.close());

const digestOf = async (actor: Actor) => {
  const [row] = await database.db
    .select()
    .from(reminderDeliveries)
    .where(eq(reminderDeliveries.ruleKey, `digest:${teamId}:${isoWeek(now)}:${actor.id}`));
  return row;
};

describe("weekly digest to team leads", () => {
  it("lists the team's overdue and soon-due items, once per lead per ISO week", async () => {
    // Three leads in all (two here, one on the other team).
    expect(await sendWeeklyDigests(database.db, now)).toBe(3);
    expect(await sendWeeklyDigests(database.db, now)).toBe(0);
    expect(await sendWeeklyDigests(database.db, at(now, days(6)))).toBe(0);

    const digest = await digestOf(lead);
    expect(digest?.emailSubject).toBe(`[Daytwo] ${await teamName()} follow-ups, week 2026-W48: 1 overdue, 1 due in the next 7 days`);
    expect(digest?.emailText).toContain("Overdue runbook fix (Mo Member, due 2026-11-19)");
    expect(digest?.emailText).toContain("Soon: capacity review (Lena Lead, due 2026-11-26)");
    for (const absent of ["Far away item", "Closed item", "Other team's item", "Secret follow-up"]) expect(digest?.emailText).not.toContain(absent);
    const [notification] = await database.db.select().from(notifications).where(eq(notifications.userId, lead.id));
    expect(notification).toMatchObject({
      kind: "digest",
      href: expect.stringMatching(/^\/action-items\/dashboard\?teamId=[0-9a-f-]{36}&status=active$/),
      title: expect.stringContaining("1 overdue, 1 due in the next 7 days"),
    });
  });

  it("shows items of private incidents only to leads who may see them", async () => {
    expect((await digestOf(adminLead))?.emailText).toContain("Secret follow-up");
    expect((await digestOf(lead))?.emailText).not.toContain("Secret follow-up");
  });

  it("goes out again the next week", async () => {
    expect(isoWeek(at(now, days(7)))).toBe("2026-W49");
    expect(await sendWeeklyDigests(database.db, at(now, days(7)))).toBe(3);
  });
});

async function teamName() {
  const [row] = await database.db.query.teams.findMany({ where: (t, { eq: equals }) => equals(t.id, teamId) });
  return row!.name;
}
