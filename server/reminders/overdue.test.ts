import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { actionItems, notifications } from "@/db/schema";
import type { Actor } from "@/server/context";
import { createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { at, closeAllItems, createItem, days, hours } from "@/test/reminder-fixtures";
import { sendDueSoonReminders } from "./due-soon";
import { sendOverdueReminders } from "./overdue";

let database: TestDatabase;
let owner: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  owner = await createActor(database.db, "responder", "Otto Overdue");
});
afterEach(() => closeAllItems(database.db));
afterAll(() => database.close());

const now = new Date("2026-11-23T09:00:00Z");
const titlesOf = async (actor: Actor) => (await database.db.select().from(notifications).where(eq(notifications.userId, actor.id)).orderBy(notifications.createdAt)).map((n) => n.title);

describe("overdue reminders", () => {
  it("remind once when the clock passes the due date, across any number of runs (restarts included)", async () => {
    const itemId = await createItem(database.db, { owner, dueAt: at(now, days(1)), title: "Patch the gateway" });
    expect(await sendOverdueReminders(database.db, now)).toBe(0);
    expect(await sendDueSoonReminders(database.db, now)).toBe(1);
    const later = at(now, days(1) + hours(1));
    expect(await sendOverdueReminders(database.db, later)).toBe(1);
    for (const clock of [later, at(later, hours(5)), at(later, days(10))]) expect(await sendOverdueReminders(database.db, clock)).toBe(0);
    expect(await titlesOf(owner)).toEqual(["Due soon: Patch the gateway", "Overdue: Patch the gateway"]);
    const [notification] = await database.db.select().from(notifications).where(eq(notifications.kind, "overdue"));
    expect(notification?.href).toBe(`/action-items?item=${itemId}`);
  });

  it("remind again after the owner moves the due date and misses it again", async () => {
    const itemId = await createItem(database.db, { owner, dueAt: at(now, -hours(2)), title: "Write the drill plan" });
    expect(await sendOverdueReminders(database.db, now)).toBe(1);
    await database.db
      .update(actionItems)
      .set({ dueAt: at(now, days(3)) })
      .where(eq(actionItems.id, itemId));
    expect(await sendOverdueReminders(database.db, now)).toBe(0);
    expect(await sendOverdueReminders(database.db, at(now, days(4)))).toBe(1);
    expect((await titlesOf(owner)).filter((t) => t === "Overdue: Write the drill plan")).toHaveLength(2);
  });

  it("leave closed items alone", async () => {
    await createItem(database.db, { owner, dueAt: at(now, -days(2)), status: "done" });
    await createItem(database.db, { owner, dueAt: at(now, -days(2)), status: "wont_do" });
    expect(await sendOverdueReminders(database.db, now)).toBe(0);
  });
});
