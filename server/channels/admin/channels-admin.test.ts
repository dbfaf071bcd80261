// The notification channels admin through the real tRPC handler: who may manage channels, the target
// and secret sealed at rest and the secret shown once, rotation keeping the old secret for 24 hours,
// enabling and disabling, soft delete, field errors that save nothing, and the outbound allow-list.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, notificationChannels, services, teams, workspace } from "@/db/schema";
import { open } from "@/server/crypto/secret-box";
import type { Actor } from "@/server/context";
import { createActor } from "@/test/actors";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";
import type { ChannelOutput } from "./schemas";

let database: TestDatabase;
let admin: Actor;
let responder: Actor;
let viewer: Actor;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  responder = await createActor(database.db, "responder");
  viewer = await createActor(database.db, "viewer");
});
afterAll(async () => {
  await database?.close();
  vi.unstubAllEnvs();
});

const call = (as: Actor, path: string, input: unknown, kind: "query" | "mutation" = "mutation") => callProcedure(database.db, as, path, input, kind);
type Created = { channel: ChannelOutput; secret: string | null };
const slackUrl = "https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX";
const webhookUrl = "https://receiver.example.com/daytwo/hooks?token=abcd1234";

async function create(input: Record<string, unknown>): Promise<Created> {
  const result = await call(admin, "notificationChannels.create", { eventTypes: ["incident.declared"], ...input });
  expect(result.error?.message).toBeUndefined();
  return result.data as Created;
}
const row = async (id: string) => (await database.db.select().from(notificationChannels).where(eq(notificationChannels.id, id)))[0]!;
const channelCount = async () => (await database.db.select().from(notificationChannels)).length;

describe("notification channels admin", () => {
  it("only admins manage channels and the allow-list: responders and viewers get 403", async () => {
    for (const actor of [responder, viewer]) {
      const created = await call(actor, "notificationChannels.create", { name: "Ops", kind: "slack", target: slackUrl, eventTypes: ["incident.declared"] });
      expect(created.status).toBe(403);
      expect((await call(actor, "notificationChannels.list", undefined, "query")).status).toBe(403);
      expect((await call(actor, "notificationChannels.setAllowHosts", { hosts: ["127.0.0.1"] })).status).toBe(403);
    }
    expect(await channelCount()).toBe(0);
  });

  it("a webhook channel gets a whsec_ secret shown once; the URL and secret are stored sealed, only a hint is shown", async () => {
    const { channel, secret } = await create({ name: "Receiver", kind: "webhook", target: webhookUrl, eventTypes: ["incident.declared", "incident.resolved"] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret!.slice(6), "base64")).toHaveLength(32);
    expect(channel).toMatchObject({
      name: "Receiver",
      kind: "webhook",
      hasSecret: true,
      targetHint: "https://receiver.example.com/…1234",
      drills: "exclude",
      includePrivate: false,
      isEnabled: true,
      lastDelivery: null,
    });

    const stored = await row(channel.id);
    const json = JSON.stringify(stored);
    expect(json).not.toContain(webhookUrl);
    expect(json).not.toContain("abcd1234");
    expect(json).not.toContain(secret!.slice(6));
    expect(open(stored.targetSealed)).toBe(webhookUrl);
    expect(open(stored.secretSealed!)).toBe(secret);

    for (const [path, input] of [
      ["notificationChannels.list", undefined],
      ["notificationChannels.get", { id: channel.id }],
    ] as const) {
      const answer = JSON.stringify((await call(admin, path, input, "query")).data);
      expect(answer).toContain(channel.id);
      expect(answer).not.toContain("abcd1234");
      expect(answer).not.toContain(secret!.slice(6));
    }
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, channel.id));
    expect(audit).toMatchObject({ action: "notification_channel.created", entityType: "notification_channel", actorId: admin.id });
    expect(JSON.stringify(audit)).not.toContain("abcd1234");
  });

  it("Slack, Teams and email channels have no secret; an email address is hinted, not shown", async () => {
    const slack = await create({ name: "Slack #incidents", kind: "slack", target: slackUrl });
    expect(slack.secret).toBeNull();
    expect(slack.channel.targetHint).toBe("https://hooks.slack.com/…XXXX");
    const mail = await create({ name: "Ops list", kind: "email", target: "ops-list@example.com" });
    expect(mail.channel.targetHint).toBe("op…@example.com");
    expect((await call(admin, "notificationChannels.rotateSecret", { id: slack.channel.id })).status).toBe(400);
  });

  it("rotating returns a new secret once and keeps the previous one signing for 24 hours", async () => {
    const { channel, secret } = await create({ name: "Rotating", kind: "webhook", target: webhookUrl });
    const before = Date.now();
    const rotated = await call(admin, "notificationChannels.rotateSecret", { id: channel.id });
    expect(rotated.status).toBe(200);
    const next = (rotated.data as Created).secret!;
    expect(next).toMatch(/^whsec_/);
    expect(next).not.toBe(secret);
    const stored = await row(channel.id);
    expect(open(stored.secretSealed!)).toBe(next);
    expect(open(stored.previousSecretSealed!)).toBe(secret);
    const expiresIn = stored.previousSecretExpiresAt!.getTime() - before;
    expect(expiresIn).toBeGreaterThan(24 * 3600_000 - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(24 * 3600_000 + 60_000);
    expect((rotated.data as Created).channel.previousSecretExpiresAt).toEqual(stored.previousSecretExpiresAt);
  });

  it("updates settings and replaces the URL, checked against the channel's kind", async () => {
    const { channel } = await create({ name: "Editable", kind: "slack", target: slackUrl });
    const [service] = await database.db.insert(services).values({ name: "checkout" }).returning();
    const [team] = await database.db.insert(teams).values({ name: "Payments" }).returning();
    const updated = await call(admin, "notificationChannels.update", {
      id: channel.id,
      name: "Edited",
      target: "https://hooks.slack.com/services/T1/B1/newnewWXYZ",
      maxSeverityRank: 2,
      serviceIds: [service!.id],
      teamIds: [team!.id],
      drills: "only",
      includePrivate: true,
    });
    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({
      name: "Edited",
      targetHint: "https://hooks.slack.com/…WXYZ",
      maxSeverityRank: 2,
      serviceIds: [service!.id],
      teamIds: [team!.id],
      drills: "only",
      includePrivate: true,
    });
    expect(open((await row(channel.id)).targetSealed)).toBe("https://hooks.slack.com/services/T1/B1/newnewWXYZ");

    const wrongKind = await call(admin, "notificationChannels.update", { id: channel.id, target: "ops@example.com" });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.error?.data.fieldErrors).toHaveProperty("target");
  });

  it("refuses bad input beside its field and saves nothing", async () => {
    const count = await channelCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "Bad URL", kind: "webhook", target: "not a url" }, "target"],
      [{ name: "FTP", kind: "slack", target: "ftp://example.com/hook" }, "target"],
      [{ name: "Creds", kind: "teams", target: "https://user:pw@example.com/hook" }, "target"],
      [{ name: "Bad mail", kind: "email", target: "ops@@example" }, "target"],
      [{ name: "", kind: "slack", target: slackUrl }, "name"],
      [{ name: "No events", kind: "slack", target: slackUrl, eventTypes: [] }, "eventTypes"],
      [{ name: "Unknown event", kind: "slack", target: slackUrl, eventTypes: ["incident.exploded"] }, "eventTypes"],
      [{ name: "Bad service", kind: "slack", target: slackUrl, serviceIds: ["00000000-0000-4000-8000-000000000000"] }, "serviceIds"],
      [{ name: "Bad team", kind: "slack", target: slackUrl, teamIds: ["00000000-0000-4000-8000-000000000000"] }, "teamIds"],
      [{ name: "Bad severity", kind: "slack", target: slackUrl, maxSeverityRank: 9 }, "maxSeverityRank"],
    ];
    for (const [input, field] of cases) {
      const result = await call(admin, "notificationChannels.create", { eventTypes: ["incident.declared"], ...input });
      expect(result.status, JSON.stringify(input)).toBe(400);
      expect(Object.keys(result.error?.data.fieldErrors ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect(await channelCount()).toBe(count);
  });

  it("disabling keeps a reason; enabling clears it and the failing-since clock; delete hides the channel", async () => {
    const { channel } = await create({ name: "Toggle", kind: "teams", target: "https://prod.westus.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=zzzz" });
    const disabled = await call(admin, "notificationChannels.disable", { id: channel.id });
    expect(disabled.data).toMatchObject({ isEnabled: false, disabledReason: expect.stringContaining("Disabled by") });
    await database.db.update(notificationChannels).set({ failingSince: new Date(), disabledReason: "The receiver answered 410 Gone" }).where(eq(notificationChannels.id, channel.id));
    const enabled = await call(admin, "notificationChannels.enable", { id: channel.id });
    expect(enabled.data).toMatchObject({ isEnabled: true, disabledReason: null, failingSince: null });

    expect((await call(admin, "notificationChannels.delete", { id: channel.id })).status).toBe(200);
    expect((await row(channel.id)).deletedAt).not.toBeNull();
    expect((await call(admin, "notificationChannels.get", { id: channel.id }, "query")).status).toBe(404);
    const list = (await call(admin, "notificationChannels.list", undefined, "query")).data as ChannelOutput[];
    expect(list.map((entry) => entry.id)).not.toContain(channel.id);
    expect((await call(admin, "notificationChannels.deliveries", { id: channel.id }, "query")).status).toBe(404);
  });

  it("sends a test in the request: signed with the secret shown once, logged, redeliverable; a refused host is a 400 with the reason", async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const server = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      request.on("end", () => {
        received.push({ headers: request.headers, body });
        response.end("ok from the receiver");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
      const { channel, secret } = await create({ name: "Loopback", kind: "webhook", target: url });
      expect((await call(admin, "notificationChannels.setAllowHosts", { hosts: [] })).status).toBe(200);
      const refused = await call(admin, "notificationChannels.sendTest", { id: channel.id });
      expect(refused.status).toBe(400);
      expect(refused.error?.message).toMatch(/^The test was not delivered: /);
      expect(received).toHaveLength(0);

      expect((await call(admin, "notificationChannels.setAllowHosts", { hosts: ["127.0.0.1"] })).status).toBe(200);
      const sent = await call(admin, "notificationChannels.sendTest", { id: channel.id });
      expect(sent.error?.message).toBeUndefined();
      expect(sent.data).toMatchObject({ statusCode: 200, message: "Test delivered to Loopback (200). It is in the delivery log." });
      const request = received.at(-1)!;
      const headers = {
        "webhook-id": String(request.headers["webhook-id"]),
        "webhook-timestamp": String(request.headers["webhook-timestamp"]),
        "webhook-signature": String(request.headers["webhook-signature"]),
      };
      expect(headers["webhook-id"]).toBe((sent.data as { deliveryId: string }).deliveryId);
      expect(() => new Webhook(secret!).verify(request.body, headers)).not.toThrow();

      const log = (await call(admin, "notificationChannels.deliveries", { id: channel.id }, "query")).data as {
        id: string;
        status: string;
        attemptLog: { statusCode: number | null; response: string }[];
      }[];
      const delivered = log.find((delivery) => delivery.id === headers["webhook-id"]);
      expect(delivered).toMatchObject({ status: "delivered" });
      expect(delivered?.attemptLog[0]).toMatchObject({ statusCode: 200, response: "ok from the receiver" });
      expect((await call(admin, "notificationChannels.list", undefined, "query")).data).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: channel.id, lastDelivery: expect.objectContaining({ status: "delivered" }) })]),
      );

      const again = await call(admin, "notificationChannels.redeliver", { deliveryId: headers["webhook-id"] });
      expect(again.status).toBe(200);
      expect((await call(admin, "notificationChannels.redeliver", { deliveryId: "msg_unknown" })).status).toBe(404);
      const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, channel.id));
      expect(audits.map((audit) => audit.action)).toEqual(expect.arrayContaining(["notification_channel.tested", "notification_channel.redelivered"]));
    } finally {
      server.close();
    }
  });

  it("the allow-list takes host names and IP addresses, normalised, and refuses URLs and ports", async () => {
    const set = await call(admin, "notificationChannels.setAllowHosts", { hosts: ["127.0.0.1", "Hooks.Internal.", "[::1]", "hooks.internal"] });
    expect(set.status).toBe(200);
    expect(set.data).toEqual({ hosts: ["127.0.0.1", "hooks.internal", "::1"] });
    expect((await database.db.select().from(workspace))[0]?.outboundAllowHosts).toEqual(["127.0.0.1", "hooks.internal", "::1"]);
    for (const bad of ["https://hooks.internal", "hooks.internal:8080", "999.1.1.1", "bad host", ""]) {
      const result = await call(admin, "notificationChannels.setAllowHosts", { hosts: [bad] });
      expect(result.status, bad).toBe(400);
      expect(Object.keys(result.error?.data.fieldErrors ?? {}), bad).toContain("hosts");
    }
    expect((await call(admin, "notificationChannels.allowHosts", undefined, "query")).data).toEqual({ hosts: ["127.0.0.1", "hooks.internal", "::1"] });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, "workspace.outbound_allow_hosts_changed"));
    expect(audits.map((audit) => audit.after)).toContainEqual(["127.0.0.1", "hooks.internal", "::1"]);
  });
});
