import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import type { Actor } from "@/server/context";
import { createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";

let database: TestDatabase;
let viewer: Actor;
let other: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  viewer = await createActor(database.db, "viewer", "Nia Notified");
  other = await createActor(database.db, "admin", "Oli Other");
});
afterAll(() => database.close());

async function notify(actor: Actor, title: string, createdAt: Date) {
  const [row] = await database.db.insert(notifications).values({ userId: actor.id, kind: "overdue", title, href: "/action-items?item=x", createdAt }).returning();
  return row!.id;
}
const call = (actor: Actor | null, path: string, input: unknown, kind: "query" | "mutation") => callProcedure(database.db, actor, `notifications.${path}`, input, kind);

describe("notifications", () => {
  it("list only your own, newest first, with the unread count", async () => {
    await notify(viewer, "First", new Date("2026-11-20T09:00:00Z"));
    await notify(viewer, "Second", new Date("2026-11-21T09:00:00Z"));
    await notify(other, "Not yours", new Date("2026-11-22T09:00:00Z"));
    const list = await call(viewer, "list", { limit: 10 }, "query");
    expect(list.status).toBe(200);
    expect((list.data as { title: string }[]).map((n) => n.title)).toEqual(["Second", "First"]);
    expect((await call(viewer, "unreadCount", {}, "query")).data).toMatchObject({ unread: 2 });
    expect((await call(null, "unreadCount", {}, "query")).status).toBe(401);
    expect((await call(viewer, "list", { limit: 500 }, "query")).error?.message).toMatch(/At most 50/);
  });

  it("mark one read (yours only) and then all", async () => {
    const mine = await notify(viewer, "Third", new Date("2026-11-22T10:00:00Z"));
    const theirs = await notify(other, "Theirs", new Date("2026-11-22T10:00:00Z"));
    expect((await call(viewer, "markRead", { id: mine }, "mutation")).status).toBe(200);
    expect((await call(viewer, "unreadCount", {}, "query")).data).toMatchObject({ unread: 2 });
    // Marking again keeps the first read time and succeeds.
    const [first] = await database.db.select().from(notifications).where(eq(notifications.id, mine));
    expect((await call(viewer, "markRead", { id: mine }, "mutation")).status).toBe(200);
    const [again] = await database.db.select().from(notifications).where(eq(notifications.id, mine));
    expect(again?.readAt).toEqual(first?.readAt);

    const denied = await call(viewer, "markRead", { id: theirs }, "mutation");
    expect(denied).toMatchObject({ status: 404, error: { message: "That notification was not found." } });
    const [untouched] = await database.db.select().from(notifications).where(eq(notifications.id, theirs));
    expect(untouched?.readAt).toBeNull();

    expect((await call(viewer, "markAllRead", {}, "mutation")).data).toMatchObject({ marked: 2 });
    expect((await call(viewer, "unreadCount", {}, "query")).data).toMatchObject({ unread: 0 });
    expect((await call(other, "unreadCount", {}, "query")).data).toMatchObject({ unread: 2 });
  });
});
