// An incident declared after the list page was read but before its live stream opened (an alert
// opening one while the page loads) is signalled as soon as the stream opens — but only to those
// who may see it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { openSubscription } from "@/test/trpc-call";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

it("signals a change made before the stream opened, and keeps a private one from outsiders", async () => {
  const owner = await createActor(database.db, "responder");
  const outsider = await createActor(database.db, "responder");
  const readAt = new Date(Date.now() - 1_000);
  await declareIncident({ ctx: contextFor(database.db, owner), input: { title: "Declared in the gap", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: true } });
  // Long past the NOTIFY of that declaration: only the check against `since` can tell.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect((await openSubscription(database.db, owner, "incidents.onListChanged", { since: readAt }, 3_000)).data).toEqual({ incidentId: null });
  // The outsider's stream opens and stays silent (the wait ends with nothing said).
  expect(await openSubscription(database.db, outsider, "incidents.onListChanged", { since: readAt }, 1_500)).toEqual({ status: 200, data: undefined });
});
