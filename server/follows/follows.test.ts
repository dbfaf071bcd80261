// Following an incident or a service, as the follower notices it: a notification behind the bell
// and an email (through a real SMTP server) for each change to the incident, never for their own
// changes, and nothing at all about a private incident they may not see — decided when the message
// goes out, so an incident turned private after it was followed stops telling outsiders at once.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { notifications, services } from "@/db/schema";
import { dispatchOutbox } from "@/server/channels/dispatch";
import type { Actor } from "@/server/context";
import { assignRole } from "@/server/incidents/assign-role";
import { changeStatus } from "@/server/incidents/change-status";
import { declareIncident } from "@/server/incidents/declare";
import { postStatusUpdate } from "@/server/incidents/post-status-update";
import { updateIncident } from "@/server/incidents/update";
import { createMailer } from "@/server/mail/mailer";
import { sendPendingEmails } from "@/server/reminders/email-outbox";
import { contextFor, createActor } from "@/test/actors";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { listFollowing } from "./list";
import { setFollowing } from "./set-following";

let database: TestDatabase;
let smtp: SmtpSink;
let commander: Actor;
beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  database = await createTestDatabase();
  smtp = await startSmtpSink();
  commander = await createActor(database.db, "responder", "Cora Commander");
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
  vi.unstubAllEnvs();
});

const as = (actor: Actor) => contextFor(database.db, actor);
const declare = (title: string, options: { serviceIds?: string[]; isPrivate?: boolean } = {}) =>
  declareIncident({ ctx: as(commander), input: { title, severityId: 3, kind: "incident", summary: "", serviceIds: options.serviceIds ?? [], isPrivate: options.isPrivate ?? false } });
const follow = (actor: Actor, kind: "incident" | "service", id: string, following = true) => setFollowing({ ctx: as(actor), input: { kind, id, following } });
async function dispatch() {
  while ((await dispatchOutbox(database.db)) > 0);
}
const bell = async (actor: Actor) =>
  (
    await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, actor.id), eq(notifications.kind, "follow")))
      .orderBy(notifications.createdAt)
  ).map((n) => n.title);
const mailsTo = (actor: Actor) => smtp.received.filter((mail) => mail.to.includes(actor.email)).map((mail) => mail.subject);

describe("following an incident", () => {
  it("tells the follower of every change in the app and by email, but never of their own", async () => {
    const follower = await createActor(database.db, "responder", "Finn Follower");
    const incident = await declare("Search is slow");
    await follow(follower, "incident", incident.id);
    let current = await updateIncident({ ctx: as(commander), input: { incidentId: incident.id, expectedVersion: 1, severityId: 2 } });
    await postStatusUpdate({ ctx: as(commander), input: { incidentId: incident.id, body: "Reindexing." } });
    // The follower's own update is not echoed back to them.
    await postStatusUpdate({ ctx: as(follower), input: { incidentId: incident.id, body: "I can help with the cluster." } });
    current = await assignRole({ ctx: as(commander), input: { incidentId: incident.id, expectedVersion: current.version, roleKey: "commander", userId: follower.id } });
    await changeStatus({ ctx: as(commander), input: { incidentId: incident.id, expectedVersion: current.version, to: "resolved" } });
    await dispatch();

    const ref = incident.reference;
    const titles = await bell(follower);
    expect(titles).toHaveLength(6);
    expect(titles.filter((t) => t.includes(ref))).toHaveLength(6);
    expect(titles.join("\n")).toMatch(/SEV2/);
    expect(titles.join("\n")).not.toMatch(/I can help/);
    // Nobody else follows it: the commander hears nothing from following.
    expect(await bell(commander)).toEqual([]);

    const result = await sendPendingEmails(database.db, createMailer({ smtpUrl: smtp.url, from: "Daytwo <daytwo@test.example>" }), new Date());
    expect(result.sent).toBeGreaterThanOrEqual(6);
    // One email per notification (the sink keeps non-ASCII subjects MIME-encoded, so those compare by count).
    expect(mailsTo(follower)).toHaveLength(6);
    expect(mailsTo(follower)).toEqual(expect.arrayContaining(titles.filter((title) => /^[\x20-\x7e]*$/.test(title))));
    const mail = smtp.received.find((m) => m.to.includes(follower.email))!;
    expect(mail.body).toContain(`you follow ${ref}`);
    expect(mail.body).toContain(`/incidents/${incident.id}`);
  });

  it("stops when the follower unfollows, and lists what they follow", async () => {
    const follower = await createActor(database.db, "viewer");
    const incident = await declare("Webhooks delayed");
    await follow(follower, "incident", incident.id);
    expect((await listFollowing({ ctx: as(follower) })).incidents.map((i) => i.id)).toEqual([incident.id]);
    await follow(follower, "incident", incident.id, false);
    // Stopping twice is no error.
    await follow(follower, "incident", incident.id, false);
    expect((await listFollowing({ ctx: as(follower) })).incidents).toEqual([]);
    await postStatusUpdate({ ctx: as(commander), input: { incidentId: incident.id, body: "Queue drained." } });
    await dispatch();
    expect(await bell(follower)).toEqual([]);
  });
});

describe("following a service", () => {
  it("tells the follower of incidents touching the service, once even when they follow the incident too", async () => {
    const follower = await createActor(database.db, "viewer");
    const [service] = await database.db.insert(services).values({ name: "Payments API" }).returning();
    await follow(follower, "service", service!.id);
    const incident = await declare("Card payments fail", { serviceIds: [service!.id] });
    await follow(follower, "incident", incident.id);
    await declare("Unrelated outage");
    await dispatch();
    expect(await bell(follower)).toEqual([`${incident.reference} declared: Card payments fail`]);
    expect((await listFollowing({ ctx: as(follower) })).services.map((s) => s.name)).toEqual(["Payments API"]);
  });
});

describe("private incidents", () => {
  it("tells only followers who may see the incident when the message goes out", async () => {
    const outsider = await createActor(database.db, "responder");
    const admin = await createActor(database.db, "admin");
    const [service] = await database.db.insert(services).values({ name: "Ledger" }).returning();
    await follow(outsider, "service", service!.id);
    await follow(admin, "service", service!.id);
    const incident = await declare("Fraud investigation", { serviceIds: [service!.id], isPrivate: true });
    await dispatch();
    expect(await bell(outsider)).toEqual([]);
    expect(await bell(admin)).toEqual([`${incident.reference} declared: Fraud investigation`]);

    // Followed while public, then turned private: the follower who is not on it hears nothing more.
    const follower = await createActor(database.db, "viewer");
    const open = await declare("Login errors");
    await follow(follower, "incident", open.id);
    const turned = await updateIncident({ ctx: as(commander), input: { incidentId: open.id, expectedVersion: 1, isPrivate: true } });
    await postStatusUpdate({ ctx: as(commander), input: { incidentId: open.id, body: "Credential stuffing suspected." } });
    await changeStatus({ ctx: as(commander), input: { incidentId: open.id, expectedVersion: turned.version, to: "resolved" } });
    await dispatch();
    expect(await bell(follower)).toEqual([]);
  });

  it("answers a hidden private incident exactly like a missing one", async () => {
    const outsider = await createActor(database.db, "responder");
    const hidden = await declare("Acquisition", { isPrivate: true });
    const refusal = await follow(outsider, "incident", hidden.id).catch((error: Error) => error.message);
    const missing = await follow(outsider, "incident", "00000000-0000-4000-8000-000000000001").catch((error: Error) => error.message);
    expect(refusal).toBe("That incident was not found.");
    expect(missing).toBe(refusal);
    expect(await follow(outsider, "service", "00000000-0000-4000-8000-000000000001").catch((error: Error) => error.message)).toBe("That service was not found.");
  });
});
