// The incident live feed over real HTTP, as a browser tab reads it: who may open it (and that hidden
// and missing answer alike), bad input refused with a 400, events framed with their sequence numbers,
// a resume that neither repeats nor skips, and a stream that ends when its person is deactivated.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sseEvents, type SseEvent } from "@/lib/live/sse-events";
import { transformer } from "@/lib/trpc/transformer";
import type { Actor } from "@/server/context";
import { addNote } from "@/server/incidents/add-note";
import { declareIncident } from "@/server/incidents/declare";
import type { IncidentFeedMessage } from "@/server/live/messages";
import { setUserActive } from "@/server/users/set-active";
import { contextFor, createActor } from "@/test/actors";
import { sessionCookie, TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { handleLiveRequest } from "./live-endpoint";

let database: TestDatabase;
let server: http.Server;
let base: string;
let admin: Actor;
let responder: Actor & { sessionId: string };
let outsider: Actor & { sessionId: string };
beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  responder = await createActor(database.db, "responder");
  outsider = await createActor(database.db, "viewer");
  server = http.createServer(handleLiveRequest);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/live/incidents/`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await database?.close();
});

const cookieOf = (actor: Actor & { sessionId: string }) => sessionCookie({ id: actor.id, name: actor.name, email: actor.email, sessionId: actor.sessionId });
const declare = (actor: Actor, isPrivate: boolean) =>
  declareIncident({ ctx: contextFor(database.db, actor), input: { title: "Live endpoint", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate } });
const missingId = "6f1c2a64-3b1e-4d7a-9c55-0d7f3e1a2b4c";

type Stream = { events: SseEvent[]; response: Response; stop(): void; ended: Promise<void> };

async function open(path: string, cookie?: string): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${base}${path}`, { headers: { accept: "text/event-stream", ...(cookie ? { cookie } : {}) }, signal: controller.signal });
  const events: SseEvent[] = [];
  const ended =
    response.status === 200 && response.body
      ? (async () => {
          for await (const event of sseEvents(response.body!)) events.push(event);
        })().catch(() => {})
      : Promise.resolve();
  return { events, response, stop: () => controller.abort(), ended };
}

const messages = (stream: Stream) =>
  stream.events.filter((event) => event.event === "message").map((event) => ({ id: event.id, message: transformer.deserialize(JSON.parse(event.data)) as IncidentFeedMessage }));
const noteBodies = (stream: Stream) =>
  messages(stream).flatMap(({ message }) => (message.type === "events" ? message.events.filter((event) => event.kind === "note.added").map((event) => String(event.body)) : []));

describe("GET /api/live/incidents/<id>", () => {
  it("refuses the signed-out with 401, and answers a hidden incident exactly as a missing one", async () => {
    const hidden = await declare(admin, true);
    const signedOut = await open(hidden.id);
    expect(signedOut.response.status).toBe(401);
    const outsiderCookie = await cookieOf(outsider);
    const asHidden = await open(hidden.id, outsiderCookie);
    const asMissing = await open(missingId, outsiderCookie);
    expect(asHidden.response.status).toBe(404);
    expect(asMissing.response.status).toBe(404);
    expect(await asHidden.response.json()).toEqual(await asMissing.response.json());
  });

  it("answers malformed input with a 400 a person can act on, never a server error", async () => {
    const cookie = await cookieOf(responder);
    const incident = await declare(responder, false);
    for (const path of [`${incident.id}?after=-1`, `${incident.id}?after=99999999999`, `${incident.id}?after=abc`]) {
      const stream = await open(path, cookie);
      expect(stream.response.status, path).toBe(400);
      expect(((await stream.response.json()) as { message: string }).message, path).toMatch(/^after: (.*out of range|.*number)/i);
    }
    // An address that cannot name an incident (even a malformed escape) is "not found", never a 500.
    const missing = (await (await open(missingId, cookie)).response.json()) as unknown;
    for (const path of ["not-an-id", "%E0%A4%A", `${incident.id.slice(0, 35)}x`]) {
      const stream = await open(path, cookie);
      expect(stream.response.status, path).toBe(404);
      expect(await stream.response.json(), path).toEqual(missing);
    }
  });

  it("streams the incident, then each new event once with its sequence number; a resume continues right after", async () => {
    const cookie = await cookieOf(responder);
    const incident = await declare(responder, false);
    const stream = await open(incident.id, cookie);
    expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    await expect.poll(() => messages(stream).some(({ message }) => message.type === "events" && message.incident?.id === incident.id)).toBe(true);
    expect(stream.events[0]?.event).toBe("connected");
    await addNote({ ctx: contextFor(database.db, responder), input: { incidentId: incident.id, body: "first note" } });
    await expect.poll(() => noteBodies(stream)).toEqual(["first note"]);
    const lastId = messages(stream).findLast(({ id }) => id !== null)?.id;
    expect(Number(lastId)).toBeGreaterThan(1);
    stream.stop();

    await addNote({ ctx: contextFor(database.db, responder), input: { incidentId: incident.id, body: "second note" } });
    const resumed = await open(`${incident.id}?after=${lastId}`, cookie);
    await expect.poll(() => noteBodies(resumed)).toEqual(["second note"]);
    resumed.stop();
  });

  it("ends an open stream with 'unauthorized' when its person is deactivated", async () => {
    const person = await createActor(database.db, "responder");
    const incident = await declare(person, false);
    const stream = await open(incident.id, await cookieOf(person));
    await expect.poll(() => messages(stream).length).toBeGreaterThan(0);
    await setUserActive({ ctx: contextFor(database.db, admin), input: { userId: person.id, isActive: false } });
    await stream.ended;
    const ended = stream.events.at(-1);
    expect(ended?.event).toBe("ended");
    expect(JSON.parse(ended?.data ?? "{}")).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses anything but GET", async () => {
    const response = await fetch(`${base}${missingId}`, { method: "POST", headers: { cookie: await cookieOf(responder) } });
    expect(response.status).toBe(405);
  });
});
