import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, reminderDeliveries, runbooks, teamMembers } from "@/db/schema";
import type { Actor } from "@/server/context";
import { createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { at, createRunbook, createTeam, days } from "@/test/reminder-fixtures";
import { sendRunbookReviewReminders } from "./runbook-review";

let database: TestDatabase;
let lead: Actor;
let coLead: Actor;
let teamId: string;
const now = new Date("2026-11-23T09:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  lead = await createActor(database.db, "responder", "Rae Reviewer");
  coLead = await createActor(database.db, "responder", "Cole Colead");
  const member = await createActor(database.db, "responder", "Mia Member");
  teamId = await createTeam(database.db, lead, [member]);
  await database.db.insert(teamMembers).values({ teamId, userId: coLead.id, isLead: true });
});
afterAll(() => database.close());

const keysFor = async (runbookId: string) =>
  (
    await database.db
      .select()
      .from(reminderDeliveries)
      .where(like(reminderDeliveries.ruleKey, `runbook_review:${runbookId}:%`))
  )
    .map((d) => d.ruleKey)
    .sort();

describe("runbook review reminders", () => {
  it("remind the owner team's leads once when the review interval has lapsed since creation", async () => {
    const id = await createRunbook(database.db, { author: lead, teamId, createdAt: at(now, -days(100)), title: "Fail over Postgres" });
    expect(await sendRunbookReviewReminders(database.db, now)).toBe(2);
    expect(await sendRunbookReviewReminders(database.db, now)).toBe(0);
    expect(await keysFor(id)).toEqual([`runbook_review:${id}:2026-11-13:${coLead.id}`, `runbook_review:${id}:2026-11-13:${lead.id}`].sort());
    const [notification] = await database.db.select().from(notifications).where(eq(notifications.userId, lead.id));
    expect(notification).toMatchObject({ kind: "runbook_review", title: "Review due: Fail over Postgres", href: `/runbooks/${id}` });
    await database.db.update(runbooks).set({ archivedAt: now }).where(eq(runbooks.id, id));
  });

  it("count from the last review, and remind again when the next review lapses", async () => {
    const id = await createRunbook(database.db, { author: lead, teamId, createdAt: at(now, -days(400)), lastReviewedAt: at(now, -days(20)), reviewIntervalDays: 30 });
    expect(await sendRunbookReviewReminders(database.db, now)).toBe(0);
    expect(await sendRunbookReviewReminders(database.db, at(now, days(11)))).toBe(2);
    // Reviewed again; the next lapse is a new due date and a new reminder.
    await database.db
      .update(runbooks)
      .set({ lastReviewedAt: at(now, days(12)) })
      .where(eq(runbooks.id, id));
    expect(await sendRunbookReviewReminders(database.db, at(now, days(20)))).toBe(0);
    expect(await sendRunbookReviewReminders(database.db, at(now, days(43)))).toBe(2);
    expect(await keysFor(id)).toHaveLength(4);
    await database.db.update(runbooks).set({ archivedAt: now }).where(eq(runbooks.id, id));
  });

  it("skip archived runbooks and runbooks without an owner team", async () => {
    const archived = await createRunbook(database.db, { author: lead, teamId, createdAt: at(now, -days(200)) });
    await database.db.update(runbooks).set({ archivedAt: now }).where(eq(runbooks.id, archived));
    await createRunbook(database.db, { author: lead, teamId: null, createdAt: at(now, -days(200)) });
    expect(await sendRunbookReviewReminders(database.db, now)).toBe(0);
  });
});
