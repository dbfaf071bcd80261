// Delivery as a receiver sees it: real HTTP on loopback, signatures checked with the Standard
// Webhooks library itself, the body parsed with the documented event schema, retries driven by the
// clock, and what the channel and the admins see when a receiver gives up.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { notificationAttempts, notificationChannels, notificationDeliveries, notifications, workspace } from "@/db/schema";
import { outgoingEvent } from "@/lib/outgoing-events";
import { seal } from "@/server/crypto/secret-box";
import type { ServiceContext } from "@/server/context";
import { changeStatus } from "@/server/incidents/change-status";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createItem, createTeam } from "@/test/reminder-fixtures";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import { sendOverdueReminders } from "@/server/reminders/overdue";
import { deliverDue } from "./deliver";
import { dispatchOutbox } from "./dispatch";
import { generateWebhookSecret } from "./signing";
import { startChannelWorker } from "./worker";

let database: TestDatabase;
let receiver: WebhookReceiver;
let admin: ServiceContext;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  database = await createTestDatabase();
  admin = contextFor(database.db, await createActor(database.db, "admin"));
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await database?.close();
  vi.unstubAllEnvs();
});
beforeEach(async () => {
  receiver.received.length = 0;
  receiver.accepted.length = 0;
  receiver.script.length = 0;
  await database.db.update(notificationChannels).set({ isEnabled: false }).where(eq(notificationChannels.isEnabled, true));
  await database.db
    .update(workspace)
    .set({ outboundAllowHosts: ["127.0.0.1"] })
    .where(eq(workspace.id, 1));
});

async function webhookChannel(settings: Partial<typeof notificationChannels.$inferInsert> = {}) {
  const secret = generateWebhookSecret(randomBytes(24));
  const [channel] = await database.db
    .insert(notificationChannels)
    .values({
      name: "Receiver",
      kind: "webhook",
      targetSealed: seal(receiver.url),
      targetHint: "127.0.0.1/…",
      secretSealed: seal(secret),
      eventTypes: ["incident.declared", "incident.status_changed", "incident.resolved"],
      ...settings,
    })
    .returning();
  return { channel: channel!, secret };
}

const declare = (title: string, isPrivate = false) => declareIncident({ ctx: admin, input: { title, severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate } });
const at = (ms: number) => ({ mailer: null, now: () => new Date(Date.now() + ms) });
async function pass(ms = 0) {
  await dispatchOutbox(database.db, new Date(Date.now() + ms));
  return deliverDue(database.db, at(ms));
}

describe("signed webhooks", () => {
  it("delivers a declared incident signed by the Standard Webhooks scheme, in the documented shape", async () => {
    const { secret } = await webhookChannel();
    const { id } = await declare("Checkout returns 500");
    await pass();
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    const verified = new Webhook(secret).verify(request!.body, {
      "webhook-id": String(request!.headers["webhook-id"]),
      "webhook-timestamp": String(request!.headers["webhook-timestamp"]),
      "webhook-signature": String(request!.headers["webhook-signature"]),
    });
    const event = outgoingEvent.parse(verified);
    expect(event.type).toBe("incident.declared");
    expect(event.type === "incident.declared" && event.data.incident).toMatchObject({ id, title: "Checkout returns 500", severity: "SEV2", status: "triage" });
  });

  it("signs with both secrets while one is being rotated, so either verifies", async () => {
    const { channel, secret: old } = await webhookChannel();
    const fresh = generateWebhookSecret(randomBytes(24));
    await database.db
      .update(notificationChannels)
      .set({ secretSealed: seal(fresh), previousSecretSealed: seal(old), previousSecretExpiresAt: new Date(Date.now() + 3_600_000) })
      .where(eq(notificationChannels.id, channel.id));
    await declare("Rotation");
    await pass();
    const [request] = receiver.received;
    const headers = {
      "webhook-id": String(request!.headers["webhook-id"]),
      "webhook-timestamp": String(request!.headers["webhook-timestamp"]),
      "webhook-signature": String(request!.headers["webhook-signature"]),
    };
    expect(() => new Webhook(old).verify(request!.body, headers)).not.toThrow();
    expect(() => new Webhook(fresh).verify(request!.body, headers)).not.toThrow();
  });
});

describe("delivery you can trust", () => {
  it("retries a receiver that fails three times, on the schedule, and it accepts the event exactly once", async () => {
    await webhookChannel();
    receiver.script.push({ status: 500 }, { status: 503, headers: { "retry-after": "60" } }, { status: 502 });
    await declare("Flaky receiver");
    await pass();
    expect(receiver.received).toHaveLength(1);
    // Not before the first retry is due (5 s ± 20 %); then the 503's Retry-After (60 s) is shorter
    // than the schedule's next step (5 min ± 20 %), so nothing is sent at 2 min.
    await pass(3_000);
    expect(receiver.received).toHaveLength(1);
    await pass(7_000);
    await pass(120_000);
    expect(receiver.received).toHaveLength(2);
    await pass(7 * 60_000);
    await pass(60 * 60_000);
    await pass(3 * 3_600_000);
    expect(receiver.received.map((r) => r.status)).toEqual([500, 503, 502, 200]);
    expect(receiver.accepted).toHaveLength(1);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const [delivery] = await database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, receiver.accepted[0]!));
    expect(delivery).toMatchObject({ status: "delivered", attempts: 4 });
    const log = await database.db.select().from(notificationAttempts).where(eq(notificationAttempts.deliveryId, delivery!.id));
    expect(log.map((a) => a.statusCode)).toEqual([500, 503, 502, 200]);
    expect(log[0]!.response).toBe("no (500)");
  });

  it("turns the channel off when the receiver answers 410, and tells the admins", async () => {
    const { channel } = await webhookChannel();
    receiver.script.push({ status: 410 });
    await declare("Gone receiver");
    await pass();
    const [after] = await database.db.select().from(notificationChannels).where(eq(notificationChannels.id, channel.id));
    expect(after).toMatchObject({ isEnabled: false, disabledReason: expect.stringContaining("410") });
    const told = await database.db.select().from(notifications).where(eq(notifications.userId, admin.actor.id));
    expect(told.map((n) => n.title)).toContain('Notification channel "Receiver" was turned off');
    await declare("After the 410");
    await pass();
    expect(receiver.received).toHaveLength(1);
  });

  it("turns off a channel whose deliveries have failed for 3 days", async () => {
    const { channel } = await webhookChannel({ failingSince: new Date(Date.now() - 3 * 86_400_000 + 60_000) });
    receiver.script.push({ status: 500 }, { status: 500 });
    await declare("Still failing");
    await pass();
    const [stillOn] = await database.db.select().from(notificationChannels).where(eq(notificationChannels.id, channel.id));
    expect(stillOn?.isEnabled).toBe(true);
    await pass(2 * 60_000);
    const [off] = await database.db.select().from(notificationChannels).where(eq(notificationChannels.id, channel.id));
    expect(off).toMatchObject({ isEnabled: false, disabledReason: expect.stringContaining("3 days") });
  });

  it("refuses a private or local address that is not on the allow-list, and says why in the log", async () => {
    await database.db.update(workspace).set({ outboundAllowHosts: [] }).where(eq(workspace.id, 1));
    await webhookChannel();
    await declare("Refused address");
    await pass();
    expect(receiver.received).toHaveLength(0);
    const [attempt] = await database.db
      .select()
      .from(notificationAttempts)
      .orderBy(notificationAttempts.id)
      .limit(1)
      .offset((await database.db.$count(notificationAttempts)) - 1);
    expect(attempt?.error).toMatch(/private or local address/);
  });
});

describe("what is sent where", () => {
  it("keeps a private incident from channels not marked for private incidents", async () => {
    await webhookChannel({ name: "Public only" });
    // The declarer takes part in the incident, so a channel for private incidents of their team hears of it.
    await webhookChannel({ name: "Private too", includePrivate: true, teamIds: [await createTeam(database.db, admin.actor)] });
    await declare("Secret acquisition", true);
    await pass();
    expect(receiver.received).toHaveLength(1);
    const body = outgoingEvent.parse(JSON.parse(receiver.received[0]!.body));
    expect(body.type === "incident.declared" && body.data.incident.isPrivate).toBe(true);
  });

  it("sends a status change and the resolution as their own types, live from the worker", async () => {
    await webhookChannel();
    const worker = await startChannelWorker({ database, mailer: null });
    try {
      const { id } = await declare("Worker wakes");
      const resolved = await changeStatus({ ctx: admin, input: { incidentId: id, expectedVersion: 1, to: "resolved" } });
      expect(resolved.status).toBe("resolved");
      await vi.waitFor(() => expect(receiver.received.length).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 100 });
      const types = receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type).sort();
      expect(types).toEqual(["incident.declared", "incident.resolved", "incident.status_changed"]);
    } finally {
      await worker.stop();
    }
  });

  it("announces an overdue action item once, with its incident, when the reminder goes out", async () => {
    await webhookChannel({ eventTypes: ["action_item.overdue"] });
    const { id: incidentId } = await declare("Follow-ups");
    const itemId = await createItem(database.db, { owner: admin.actor, incidentId, title: "Add a circuit breaker", dueAt: new Date(Date.now() - 86_400_000) });
    await sendOverdueReminders(database.db, new Date());
    await sendOverdueReminders(database.db, new Date());
    await pass();
    const overdue = receiver.received.map((r) => outgoingEvent.parse(JSON.parse(r.body))).filter((e) => e.type === "action_item.overdue");
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.type === "action_item.overdue" && overdue[0]!.data).toMatchObject({ actionItem: { id: itemId, title: "Add a circuit breaker" }, incident: { id: incidentId } });
  });
});
