import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { actionItems, notifications, reminderDeliveries, users } from "@/db/schema";
import { createActionItem } from "@/server/action-items/create";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { at, closeAllItems, createItem, days, hours } from "@/test/reminder-fixtures";
import { sendDueSoonReminders } from "./due-soon";

let database: TestDatabase;
let owner: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  owner = await createActor(database.db, "responder", "Dana Due");
});
afterEach(() => closeAllItems(database.db));
afterAll(() => database.close());

const now = new Date("2026-11-23T09:00:00Z");
const notificationsOf = (actor: Actor) => database.db.select().from(notifications).where(eq(notifications.userId, actor.id)).orderBy(notifications.createdAt);

describe("due-soon reminders", () => {
  it("remind the owner once, in-app and by queued email, for an open item due within two days", async () => {
    const itemId = await createItem(database.db, { owner, dueAt: at(now, days(1)), title: "Add a canary stage" });
    expect(await sendDueSoonReminders(database.db, now)).toBe(1);
    expect(await sendDueSoonReminders(database.db, now)).toBe(0);
    expect(await sendDueSoonReminders(database.db, at(now, hours(12)))).toBe(0);

    const [notification] = await notificationsOf(owner);
    expect(notification).toMatchObject({ kind: "due_soon", title: "Due soon: Add a canary stage", href: `/action-items?item=${itemId}`, readAt: null });
    const [delivery] = await database.db
      .select()
      .from(reminderDeliveries)
      .where(eq(reminderDeliveries.ruleKey, `due_soon:${itemId}:2026-11-24`));
    expect(delivery).toMatchObject({ userId: owner.id, notificationId: notification!.id, emailTo: owner.email, emailedAt: null, emailNextAttemptAt: now });
    expect(delivery?.emailText).toContain("Add a canary stage");
  });

  it("wait until two days before; skip closed items and deactivated owners", async () => {
    await createItem(database.db, { owner, dueAt: at(now, days(3)), title: "Later" });
    await createItem(database.db, { owner, dueAt: at(now, days(1)), title: "Finished", status: "done" });
    await createItem(database.db, { owner, dueAt: at(now, days(1)), title: "Dropped", status: "wont_do" });
    const gone = await createActor(database.db, "responder", "Gone Owner");
    await database.db.update(users).set({ deactivatedAt: now }).where(eq(users.id, gone.id));
    await createItem(database.db, { owner: gone, dueAt: at(now, days(1)) });
    expect(await sendDueSoonReminders(database.db, now)).toBe(0);
    expect(await sendDueSoonReminders(database.db, at(now, days(1) + hours(1)))).toBe(1);
    expect((await notificationsOf(owner)).map((n) => n.title)).toContain("Due soon: Later");
  });

  it("remind again when the due date moves to another day, never twice for the same day", async () => {
    const itemId = await createItem(database.db, { owner, dueAt: at(now, hours(30)), title: "Moving target" });
    expect(await sendDueSoonReminders(database.db, now)).toBe(1);
    await database.db
      .update(actionItems)
      .set({ dueAt: at(now, hours(40)) })
      .where(eq(actionItems.id, itemId));
    expect(await sendDueSoonReminders(database.db, now)).toBe(1);
    // Back to the first date (same day as before): already reminded for it.
    await database.db
      .update(actionItems)
      .set({ dueAt: at(now, hours(31)) })
      .where(eq(actionItems.id, itemId));
    expect(await sendDueSoonReminders(database.db, now)).toBe(0);
    const keys = await database.db.select({ key: reminderDeliveries.ruleKey }).from(reminderDeliveries);
    expect(
      keys
        .map((k) => k.key)
        .filter((k) => k.startsWith(`due_soon:${itemId}`))
        .sort(),
    ).toEqual([`due_soon:${itemId}:2026-11-24`, `due_soon:${itemId}:2026-11-25`]);
  });

  it("reach owners of items on private incidents, who are participants", async () => {
    const lead = await createActor(database.db, "responder", "Pat Private");
    const privateOwner = await createActor(database.db, "responder", "Oz Owner");
    const ctx = { ...contextFor(database.db, lead), now: () => now };
    const incident = await declareIncident({ ctx, input: { title: "Leaked token", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: true } });
    await createActionItem({
      ctx,
      input: { title: "Revoke the token", description: "", ownerId: privateOwner.id, incidentId: incident.id, dueAt: at(now, days(1)), priority: "high", kind: "mitigate" },
    });
    expect(await sendDueSoonReminders(database.db, now)).toBe(1);
    expect((await notificationsOf(privateOwner)).map((n) => n.title)).toEqual(["Due soon: Revoke the token"]);
  });
});
