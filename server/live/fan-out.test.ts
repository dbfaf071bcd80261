import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabase, openDatabase, setDatabase, type Database } from "@/db/client";
import type { Actor } from "@/server/context";
import { addNote } from "@/server/incidents/add-note";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { oneTo, watch } from "@/test/watchers";
import { hubFor } from "./hub";
import { incidentFeed } from "./incident-feed";

let database: TestDatabase;
let responder: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  responder = await createActor(database.db, "responder", "Fan Out");
});
afterAll(() => database.close());

const declare = (db: Database["db"], title: string) =>
  declareIncident({ ctx: contextFor(db, responder), input: { title, severityId: 1, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });

describe("many watchers on one incident", () => {
  it("30 streams opened at once on a fresh process all hear the next event, and closing some never silences the rest", async () => {
    // A fresh process is a fresh listener and hub: on PostgreSQL a second pool; PGlite's hub is new to this file.
    const fresh = database.url ? await openDatabase({ engine: "postgres", url: database.url, max: 2 }) : database;
    setDatabase(Promise.resolve(fresh));
    try {
      const { id } = await declare(database.db, "Deploy day");
      const watchers = Array.from({ length: 30 }, () => watch((signal) => incidentFeed({ actor: responder }, id, 2, signal)));
      // Each stream's first message (the incident, for a new stream) means it is registered.
      await expect.poll(() => watchers.every((watcher) => watcher.hasStarted()), { timeout: 10_000 }).toBe(true);
      await addNote({ ctx: contextFor(database.db, responder), input: { incidentId: id, body: "first" } });
      await expect.poll(() => watchers.filter((watcher) => watcher.seqs.join() === "3").length, { timeout: 5_000 }).toBe(30);

      await Promise.all(watchers.slice(0, 20).map((watcher) => watcher.stop()));
      await addNote({ ctx: contextFor(database.db, responder), input: { incidentId: id, body: "second" } });
      await expect.poll(() => watchers.slice(20).filter((watcher) => watcher.seqs.join() === "3,4").length, { timeout: 5_000 }).toBe(10);
      await Promise.all(watchers.slice(20).map((watcher) => watcher.stop()));
    } finally {
      setDatabase(Promise.resolve(database));
      if (fresh !== database) await fresh.close();
    }
  });

  it("one note read once per process however many watch, and carried whole: the event, the new head", async () => {
    const { id } = await declare(database.db, "Crowded");
    const watchers = Array.from({ length: 25 }, () => watch((signal) => incidentFeed({ actor: responder }, id, 0, signal)));
    await expect.poll(() => watchers.every((watcher) => watcher.seqs.length === 2), { timeout: 10_000 }).toBe(true);
    const hub = hubFor(await getDatabase());
    const readsBefore = hub.readsFor(id);
    await addNote({ ctx: contextFor(database.db, responder), input: { incidentId: id, body: "one note" } });
    await expect.poll(() => watchers.every((watcher) => watcher.seqs.join() === oneTo(3).join()), { timeout: 5_000 }).toBe(true);
    expect(hub.readsFor(id) - readsBefore).toBe(1);
    const last = watchers[0]?.messages.findLast((message) => message.type === "events");
    expect(last).toMatchObject({ type: "events", events: [{ seq: 3, kind: "note.added", body: "one note" }], head: { lastEventSeq: 3 }, incident: null });
    await Promise.all(watchers.map((watcher) => watcher.stop()));
  });

  it("a watcher that opens with an old sequence number gets what it missed, then live, each once", async () => {
    const { id } = await declare(database.db, "Late joiner");
    for (const body of ["a", "b", "c"]) await addNote({ ctx: contextFor(database.db, responder), input: { incidentId: id, body } });
    const early = watch((signal) => incidentFeed({ actor: responder }, id, 5, signal));
    const late = watch((signal) => incidentFeed({ actor: responder }, id, 1, signal));
    await expect.poll(() => late.seqs.length, { timeout: 5_000 }).toBe(4);
    await addNote({ ctx: contextFor(database.db, responder), input: { incidentId: id, body: "d" } });
    await expect.poll(() => [early.seqs.join(), late.seqs.join()], { timeout: 5_000 }).toEqual(["6", "2,3,4,5,6"]);
    await Promise.all([early.stop(), late.stop()]);
  });

  it("opening a stream is being here: the others see the arrival, and the leaving", async () => {
    const { id } = await declare(database.db, "Who is here");
    const other = await createActor(database.db, "viewer", "Quiet Watcher");
    const mine = watch((signal) => incidentFeed({ actor: responder }, id, 0, signal));
    const names = () => mine.messages.findLast((message) => message.type === "presence");
    await expect.poll(() => names(), { timeout: 5_000 }).toMatchObject({ viewers: [{ name: "Fan Out" }] });
    const theirs = watch((signal) => incidentFeed({ actor: other }, id, 0, signal));
    await expect.poll(() => names(), { timeout: 5_000 }).toMatchObject({ viewers: [{ name: "Fan Out" }, { name: "Quiet Watcher" }] });
    await theirs.stop();
    await expect.poll(() => names(), { timeout: 5_000 }).toMatchObject({ viewers: [{ name: "Fan Out" }] });
    await mine.stop();
  });
});
