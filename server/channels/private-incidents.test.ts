// A private incident's content never reaches a channel not marked for private incidents — for every
// event type a private incident can produce; a channel marked for them hears every one.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { incidentParticipants, notificationChannels, workspace } from "@/db/schema";
import { type OutgoingEventType, outgoingEventTypes } from "@/db/enums";
import { seal } from "@/server/crypto/secret-box";
import { assignRole } from "@/server/incidents/assign-role";
import { changeStatus } from "@/server/incidents/change-status";
import { declareIncident } from "@/server/incidents/declare";
import { postStatusUpdate } from "@/server/incidents/post-status-update";
import { updateIncident } from "@/server/incidents/update";
import { sendOverdueReminders } from "@/server/reminders/overdue";
import { contextFor, createActor } from "@/test/actors";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createItem } from "@/test/reminder-fixtures";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import { deliverDue } from "./deliver";
import { dispatchOutbox } from "./dispatch";
import { generateWebhookSecret } from "./signing";

let database: TestDatabase;
let open: WebhookReceiver;
let privateToo: WebhookReceiver;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  database = await createTestDatabase();
  [open, privateToo] = await Promise.all([startWebhookReceiver(), startWebhookReceiver()]);
  await database.db
    .update(workspace)
    .set({ outboundAllowHosts: ["127.0.0.1"] })
    .where(eq(workspace.id, 1));
  for (const [receiver, includePrivate] of [
    [open, false],
    [privateToo, true],
  ] as const) {
    await database.db.insert(notificationChannels).values({
      name: includePrivate ? "Private too" : "Public only",
      kind: "webhook",
      targetSealed: seal(receiver.url),
      targetHint: "127.0.0.1",
      secretSealed: seal(generateWebhookSecret(randomBytes(24))),
      eventTypes: [...outgoingEventTypes],
      includePrivate,
    });
  }
});
afterAll(async () => {
  await Promise.all([open?.close(), privateToo?.close()]);
  await database?.close();
  vi.unstubAllEnvs();
});

it("tells only the channel marked for private incidents, whatever happens to one", async () => {
  const owner = contextFor(database.db, await createActor(database.db, "responder"));
  const other = await createActor(database.db, "responder");
  const { id } = await declareIncident({ ctx: owner, input: { title: "Acquisition talks leak", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: true } });
  let incident = await updateIncident({ ctx: owner, input: { incidentId: id, expectedVersion: 1, severityId: 1 } });
  await postStatusUpdate({ ctx: owner, input: { incidentId: id, body: "Legal is on it." } });
  await database.db.insert(incidentParticipants).values({ incidentId: id, userId: other.id, addedById: owner.actor.id });
  incident = await assignRole({ ctx: owner, input: { incidentId: id, expectedVersion: incident.version, roleKey: "commander", userId: other.id } });
  await changeStatus({ ctx: owner, input: { incidentId: id, expectedVersion: incident.version, to: "resolved" } });
  await createItem(database.db, { owner: owner.actor, incidentId: id, title: "Rotate the leaked credentials", dueAt: new Date(Date.now() - 86_400_000) });
  await sendOverdueReminders(database.db, new Date());
  while ((await dispatchOutbox(database.db)) > 0);
  while ((await deliverDue(database.db, { mailer: null })) > 0);

  const types = (receiver: WebhookReceiver) => receiver.received.map((r) => (JSON.parse(r.body) as { type: OutgoingEventType }).type).sort();
  expect(types(open)).toEqual([]);
  expect(types(privateToo)).toEqual(
    ["action_item.overdue", "incident.commander_changed", "incident.declared", "incident.resolved", "incident.severity_changed", "incident.status_changed", "incident.status_update_posted"].sort(),
  );
});
