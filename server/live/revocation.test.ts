// An account change reaches streams that are already open: a deactivated person's stream ends with
// "session ended", and one downgraded stops receiving what the new role may not see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/context";
import { addNote } from "@/server/incidents/add-note";
import { declareIncident } from "@/server/incidents/declare";
import { changeRole } from "@/server/users/change-role";
import { setUserActive } from "@/server/users/set-active";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { incidentFeed, incidentListFeed } from "./incident-feed";
import type { FeedItem } from "./incident-topic";

let database: TestDatabase;
let admin: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin", "Root Admin");
});
afterAll(() => database.close());

type Watch = { items: FeedItem[]; notes: () => string[]; done: Promise<unknown>; stop(): void };

/** Reads a stream in the background: what it delivered, and how it ended (resolved or the error). */
function watch(feed: AsyncGenerator<FeedItem>, controller: AbortController): Watch {
  const items: FeedItem[] = [];
  const done = (async () => {
    for await (const item of feed) items.push(item);
    return "ended";
  })().catch((error: unknown) => error);
  const notes = () => items.flatMap((item) => (item.message.type === "events" ? item.message.events.filter((event) => event.kind === "note.added").map((event) => String(event.body)) : []));
  return { items, notes, done, stop: () => controller.abort() };
}

async function declare(actor: Actor, isPrivate: boolean) {
  return declareIncident({ ctx: contextFor(database.db, actor), input: { title: "Revocation", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate } });
}

/** Resolves once the stream has sent its first message (it is registered and listening). */
const opened = (stream: Watch) => expect.poll(() => stream.items.length, { timeout: 5000 }).toBeGreaterThan(0);

describe("revocation reaches open live streams", () => {
  it("a deactivated person's open stream ends with 'session ended' and carries nothing written after", async () => {
    const responder = await createActor(database.db, "responder");
    const { id } = await declare(admin, false);
    const controller = new AbortController();
    const stream = watch(incidentFeed(contextFor(database.db, responder), id, 0, controller.signal), controller);
    await opened(stream);

    await setUserActive({ ctx: contextFor(database.db, admin), input: { userId: responder.id, isActive: false } });
    await addNote({ ctx: contextFor(database.db, admin), input: { incidentId: id, body: "after the deactivation" } });

    const ending = await Promise.race([stream.done, new Promise((resolve) => setTimeout(() => resolve("still open"), 5000))]);
    stream.stop();
    expect(ending).toMatchObject({ kind: "unauthenticated", message: expect.stringMatching(/session has ended/) });
    expect(stream.notes()).not.toContain("after the deactivation");
  });

  it("an admin downgraded to viewer stops receiving a private incident they do not take part in", async () => {
    const watcher = await createActor(database.db, "admin");
    const owner = await createActor(database.db, "responder");
    const { id } = await declare(owner, true);
    const controller = new AbortController();
    const stream = watch(incidentFeed(contextFor(database.db, watcher), id, 0, controller.signal), controller);
    await opened(stream);
    await addNote({ ctx: contextFor(database.db, owner), input: { incidentId: id, body: "while admin" } });
    await expect.poll(stream.notes, { timeout: 5000 }).toContain("while admin");

    await changeRole({ ctx: contextFor(database.db, admin), input: { userId: watcher.id, role: "viewer" } });
    await addNote({ ctx: contextFor(database.db, owner), input: { incidentId: id, body: "private, after the downgrade" } });

    const ending = await Promise.race([stream.done, new Promise((resolve) => setTimeout(() => resolve("still open"), 5000))]);
    stream.stop();
    expect(ending).toBe("ended");
    expect(stream.notes()).not.toContain("private, after the downgrade");
  });

  it("a responder downgraded to viewer keeps watching a public incident, now told they may not write", async () => {
    const watcher = await createActor(database.db, "responder");
    const { id } = await declare(admin, false);
    const controller = new AbortController();
    const stream = watch(incidentFeed(contextFor(database.db, watcher), id, 0, controller.signal), controller);
    // The first message with the incident (a presence message may come before it).
    const canWriteNow = () => {
      const latest = stream.items.findLast((item) => item.message.type === "events" && item.message.incident);
      return latest?.message.type === "events" ? latest.message.incident?.canWrite : undefined;
    };
    await expect.poll(canWriteNow, { timeout: 5000 }).toBe(true);

    await changeRole({ ctx: contextFor(database.db, admin), input: { userId: watcher.id, role: "viewer" } });
    await addNote({ ctx: contextFor(database.db, admin), input: { incidentId: id, body: "public, after the downgrade" } });

    await expect.poll(stream.notes, { timeout: 5000 }).toContain("public, after the downgrade");
    expect(canWriteNow()).toBe(false);
    stream.stop();
    expect(await stream.done).toBe("ended");
  });

  it("a deactivated person's incident-list stream ends with 'session ended'", async () => {
    const responder = await createActor(database.db, "responder");
    const controller = new AbortController();
    const list = incidentListFeed(contextFor(database.db, responder), controller.signal);
    let heard = 0;
    const done = (async () => {
      for await (const _ of list) heard += 1;
      return "ended";
    })().catch((error: unknown) => error);
    // The list stream is silent until something changes: it is listening once it hears a declaration.
    await expect
      .poll(
        async () => {
          await declare(admin, false);
          return heard;
        },
        { timeout: 5000 },
      )
      .toBeGreaterThan(0);
    await setUserActive({ ctx: contextFor(database.db, admin), input: { userId: responder.id, isActive: false } });
    const ending = await Promise.race([done, new Promise((resolve) => setTimeout(() => resolve("still open"), 5000))]);
    controller.abort();
    expect(ending).toMatchObject({ kind: "unauthenticated" });
  });
});
