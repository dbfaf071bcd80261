import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import type { Actor } from "@/server/context";
import { addNote } from "@/server/incidents/add-note";
import { changeStatus } from "@/server/incidents/change-status";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { incidentFeed } from "./incident-feed";
import type { FeedItem } from "./incident-topic";

let database: TestDatabase;
let responder: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  responder = await createActor(database.db, "responder", "Live Wire");
});
afterAll(() => database.close());

/** The sequence numbers of the events a stream's messages carry. */
const seqsOf = (item: FeedItem) => (item.message.type === "events" ? item.message.events.map((event) => event.seq) : []);

async function collect(feed: AsyncGenerator<FeedItem>, count: number): Promise<number[]> {
  const seqs: number[] = [];
  for await (const item of feed) {
    seqs.push(...seqsOf(item));
    if (seqs.length >= count) break;
  }
  return seqs;
}

describe("incident live feed", () => {
  it("delivers committed changes as they happen, in order, and a resumed stream has no gap and no duplicate", async () => {
    const ctx = contextFor(database.db, responder);
    const { id } = await declareIncident({ ctx, input: { title: "Live", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });

    // A first watcher saw events 1..2 (declared, commander) and then dropped.
    const controller = new AbortController();
    const first = incidentFeed(ctx, id, 0, controller.signal);
    expect(await collect(first, 2)).toEqual([1, 2]);
    controller.abort();

    // Changes happen while nobody is connected…
    await changeStatus({ ctx, input: { incidentId: id, expectedVersion: 1, to: "investigating" } });
    await addNote({ ctx, input: { incidentId: id, body: "while away" } });

    // …the reconnect resumes after seq 2, then keeps receiving live changes.
    const resumed = incidentFeed(ctx, id, 2);
    const received: number[] = [];
    const reading = (async () => {
      for await (const item of resumed) {
        received.push(...seqsOf(item));
        if (received.length >= 4) break;
      }
    })();
    await expect.poll(() => received.length, { timeout: 5000 }).toBe(2);
    await addNote({ ctx, input: { incidentId: id, body: "live one" } });
    await addNote({ ctx, input: { incidentId: id, body: "live two" } });
    await reading;
    expect(received).toEqual([3, 4, 5, 6]);
  });

  it("hears nothing of a rolled-back change", async () => {
    const ctx = contextFor(database.db, responder);
    const { id } = await declareIncident({ ctx, input: { title: "Quiet", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    const controller = new AbortController();
    const feed = incidentFeed(ctx, id, 2, controller.signal);
    const seen: number[] = [];
    const reading = (async () => {
      for await (const item of feed) seen.push(...seqsOf(item));
    })();
    await expect(addNote({ ctx, input: { incidentId: id, body: "x", occurredAt: new Date(Date.now() + 86_400_000) } })).rejects.toMatchObject({ kind: "invalid" });
    await addNote({ ctx, input: { incidentId: id, body: "real" } });
    await expect.poll(() => seen, { timeout: 5000 }).toEqual([3]);
    controller.abort();
    await reading;
  });
});

describe("several app instances", () => {
  it("a change committed through another instance's connections reaches this instance's feed", async () => {
    // On PostgreSQL a second pool is a second instance; embedded PGlite only ever has one process.
    const other = database.url ? await openDatabase({ engine: "postgres", url: database.url, max: 2 }) : database;
    try {
      const here = contextFor(database.db, responder);
      const there = contextFor(other.db, responder);
      const { id } = await declareIncident({ ctx: there, input: { title: "Cross", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
      const controller = new AbortController();
      const feed = incidentFeed(here, id, 2, controller.signal);
      const seen: number[] = [];
      let isListening = false;
      const reading = (async () => {
        for await (const item of feed) {
          // The first message follows the LISTEN and the catch-up read: from here on only NOTIFY can wake it.
          isListening = true;
          seen.push(...seqsOf(item));
        }
      })();
      await expect.poll(() => isListening, { timeout: 5000 }).toBe(true);
      await addNote({ ctx: there, input: { incidentId: id, body: "from the other instance" } });
      await expect.poll(() => seen, { timeout: 5000 }).toEqual([3]);
      controller.abort();
      await reading;
    } finally {
      if (other !== database) await other.close();
    }
  });
});
