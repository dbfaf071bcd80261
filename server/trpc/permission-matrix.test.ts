// The permission matrix: every procedure of the router, found at run time, × {signed out, viewer,
// responder, admin, outsider to a private incident}. Each answer's code must be the row's, a refused
// call must leave every table exactly as it was, and the outsider's "not found" must read exactly as the
// same call naming things that do not exist. A procedure without a row fails: add one.
// Calls the real tRPC HTTP handler (subscriptions as an event stream), so codes are what a browser sees.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { eq } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { incidentViewers, notificationDeliveries, workspace } from "@/db/schema";
import type { Actor } from "@/server/context";
import { actorKinds, buildWorld, databaseChecksum, runbookInput, type ActorKind, type World } from "@/test/permission-world";
import { createTestDatabase } from "@/test/database";
import { callProcedure, openSubscription, type CallResult } from "@/test/trpc-call";
import { createAlertRule } from "@/server/alerts/routing/create-rule";
import { createAlertSource } from "@/server/alerts/sources/create";
import { sendTestAlert } from "@/server/alerts/sources/send-test";
import { createChannel } from "@/server/channels/admin/create";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { contextFor } from "@/test/actors";
import { makeToken } from "@/test/api-server";
import { appRouter } from "./root";

type Outcome = "OK" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
type Expected = Record<ActorKind, Outcome>;
// The input is built anew for each actor's call, so a write that succeeds uses up only its own fresh things.
type Row = { input: (w: World, as: Actor | null) => unknown; expect: Expected };

const U = "UNAUTHORIZED";
const F = "FORBIDDEN";
const N = "NOT_FOUND";
/** Anyone signed in. */
const everyone: Expected = { signedOut: U, viewer: "OK", responder: "OK", admin: "OK", outsider: "OK" };
/** Workspace administration. */
const adminOnly: Expected = { signedOut: U, viewer: F, responder: F, admin: "OK", outsider: F };
/** Writing something not inside a private incident (runbooks, declaring): responders and admins. */
const writers: Expected = { signedOut: U, viewer: F, responder: "OK", admin: "OK", outsider: "OK" };
/** Reading inside the private incident: its participants and admins; the outsider finds nothing. */
const readPrivate: Expected = { signedOut: U, viewer: "OK", responder: "OK", admin: "OK", outsider: N };
/** Writing inside the private incident: participants who may write, and admins; the outsider finds nothing. */
const writePrivate: Expected = { signedOut: U, viewer: F, responder: "OK", admin: "OK", outsider: N };

const future = () => new Date(Date.now() + 7 * 86_400_000);
const rows: Record<string, Row> = {
  "users.list": { input: () => undefined, expect: adminOnly },
  "users.directory": { input: () => undefined, expect: everyone },
  "users.create": { input: () => ({ email: `new-${randomUUID()}@test.example`, name: "New Person", role: "viewer", password: "long enough pw" }), expect: adminOnly },
  "users.changeRole": { input: (w) => ({ userId: w.people.target.id, role: "viewer" }), expect: adminOnly },
  "users.setActive": { input: (w) => ({ userId: w.people.target.id, isActive: true }), expect: adminOnly },
  "teams.list": { input: () => undefined, expect: everyone },
  "teams.create": { input: () => ({ name: `Team ${randomUUID()}` }), expect: adminOnly },
  "teams.addMember": { input: async (w) => ({ teamId: await w.fresh.team(), userId: w.people.target.id }), expect: adminOnly },
  "teams.removeMember": { input: async (w) => ({ teamId: await w.fresh.team(w.people.target), userId: w.people.target.id }), expect: adminOnly },
  "services.list": { input: () => undefined, expect: everyone },
  // Personal tokens: anyone signed in manages their own (workspace tokens are refused in the verb).
  "apiTokens.list": { input: () => undefined, expect: everyone },
  "apiTokens.create": { input: () => ({ name: "laptop", scopes: ["incidents:read"], personal: true }), expect: everyone },
  "apiTokens.revoke": { input: async (w, as) => ({ tokenId: (await makeToken(database.db, as ?? w.people.admin, { scopes: ["incidents:read"], personal: true })).apiToken.id }), expect: everyone },
  "audit.list": { input: () => ({}), expect: adminOnly },

  "incidents.list": { input: () => ({ sort: "active_first", limit: 20 }), expect: everyone },
  "incidents.get": { input: (w) => ({ incidentId: w.shared.incident.id }), expect: readPrivate },
  "incidents.timeline": { input: (w) => ({ incidentId: w.shared.incident.id }), expect: readPrivate },
  "incidents.formOptions": { input: () => undefined, expect: everyone },
  "incidents.viewers": { input: (w) => ({ incidentId: w.shared.incident.id }), expect: readPrivate },
  "incidents.declare": { input: () => ({ title: "Matrix declare", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false }), expect: writers },
  "incidents.changeStatus": { input: async (w) => ({ incidentId: (await w.fresh.privateIncident()).id, expectedVersion: 1, to: "investigating" }), expect: writePrivate },
  "incidents.update": { input: async (w) => ({ incidentId: (await w.fresh.privateIncident()).id, expectedVersion: 1, summary: "Updated" }), expect: writePrivate },
  "incidents.correctMilestone": {
    input: async (w) => ({ incidentId: (await w.fresh.privateIncident()).id, expectedVersion: 1, milestone: "impactStartedAt", at: new Date(Date.now() - 3_600_000) }),
    expect: writePrivate,
  },
  "incidents.assignRole": { input: async (w) => ({ incidentId: (await w.fresh.privateIncident()).id, expectedVersion: 1, roleKey: "scribe", userId: w.people.responder.id }), expect: writePrivate },
  "incidents.releaseRole": { input: async (w) => ({ incidentId: (await w.fresh.privateIncidentWithScribe()).id, expectedVersion: 2, roleKey: "scribe" }), expect: writePrivate },
  "incidents.addNote": { input: async (w) => ({ incidentId: (await w.fresh.privateIncident()).id, body: "A note" }), expect: writePrivate },
  "incidents.postStatusUpdate": { input: async (w) => ({ incidentId: (await w.fresh.privateIncident()).id, body: "We are on it" }), expect: writePrivate },
  "incidents.addParticipant": { input: async (w) => ({ incidentId: (await w.fresh.privateIncident()).id, userId: w.people.target.id }), expect: writePrivate },
  "incidents.setHighlight": {
    input: async (w) => {
      const incident = await w.fresh.privateIncident();
      return { incidentId: incident.id, eventId: incident.firstEventId, isHighlighted: true };
    },
    expect: writePrivate,
  },
  "incidents.onListChanged": { input: () => undefined, expect: everyone },
  "incidentRoles.list": { input: () => undefined, expect: everyone },
  "incidentRoles.create": { input: () => ({ name: `Role ${randomUUID().slice(0, 8)}`, guide: "Does things" }), expect: adminOnly },

  "postMortems.list": { input: () => undefined, expect: everyone },
  "postMortems.get": { input: (w) => ({ postMortemId: w.shared.postMortem }), expect: readPrivate },
  "postMortems.forIncident": { input: (w) => ({ incidentId: w.shared.incident.id }), expect: readPrivate },
  "postMortems.publishedHtml": { input: (w) => ({ postMortemId: w.shared.postMortem }), expect: readPrivate },
  "postMortems.publishedMarkdown": { input: async (w) => ({ postMortemId: await w.fresh.postMortem("published") }), expect: readPrivate },
  "postMortems.requestReview": { input: async (w) => ({ postMortemId: await w.fresh.postMortem(), reviewerIds: [w.people.responder.id] }), expect: writePrivate },
  // The fresh post-mortem names the responder and the admin as its reviewers.
  "postMortems.decideReview": { input: async (w) => ({ postMortemId: await w.fresh.postMortem("in_review"), decision: "approved" }), expect: writePrivate },
  "postMortems.dismissFlag": { input: async (w) => ({ postMortemId: await w.fresh.postMortem(), flagKey: "blame:someone", reason: "A quote from the log" }), expect: writePrivate },
  "postMortems.publish": { input: async (w) => ({ postMortemId: await w.fresh.postMortem("approved") }), expect: writePrivate },
  "postMortems.reopen": { input: async (w) => ({ postMortemId: await w.fresh.postMortem("published") }), expect: writePrivate },
  "postMortems.start": { input: async (w) => ({ incidentId: (await w.fresh.resolvedPrivateIncident()).id }), expect: writePrivate },
  "postMortems.templates": { input: () => undefined, expect: everyone },
  "postMortems.createTemplate": { input: () => ({ name: `Template ${randomUUID().slice(0, 8)}`, sections: [{ title: "Summary", guidance: "" }] }), expect: adminOnly },
  "postMortems.updateTemplate": {
    input: async (w) => ({ templateId: await w.fresh.template(), name: `Renamed ${randomUUID().slice(0, 8)}`, sections: [{ title: "Summary", guidance: "" }] }),
    expect: adminOnly,
  },
  "postMortems.deleteTemplate": { input: async (w) => ({ templateId: await w.fresh.template() }), expect: adminOnly },
  "postMortems.setDefaultTemplate": { input: async (w) => ({ templateId: await w.fresh.template() }), expect: adminOnly },

  "actionItems.list": { input: () => ({ scope: "mine" }), expect: everyone },
  "actionItems.dashboard": { input: () => ({}), expect: everyone },
  "actionItems.create": { input: async (w) => ({ title: "Follow up", ownerId: w.people.owner.id, incidentId: (await w.fresh.privateIncident()).id }), expect: writePrivate },
  // The item belongs to the owner, so the (participating) viewer may not change it.
  "actionItems.setStatus": { input: async (w) => ({ actionItemId: await w.fresh.actionItem(), status: "in_progress" }), expect: writePrivate },
  "actionItems.update": { input: async (w) => ({ actionItemIds: [await w.fresh.actionItem()], dueAt: future() }), expect: writePrivate },
  "workspace.dueDays": { input: () => undefined, expect: everyone },
  "workspace.setDueDays": { input: () => ({ days: { "1": 7, "2": 14, "3": 30, "4": 60 } }), expect: adminOnly },

  "runbooks.list": { input: () => ({}), expect: everyone },
  "runbooks.get": { input: (w) => ({ id: w.shared.runbook }), expect: everyone },
  "runbooks.revisions": { input: (w) => ({ id: w.shared.runbook }), expect: everyone },
  "runbooks.revision": { input: (w) => ({ id: w.shared.runbook, number: 1 }), expect: everyone },
  "runbooks.diff": { input: (w) => ({ id: w.shared.runbook, from: 1, to: 2 }), expect: everyone },
  "runbooks.exportMarkdown": { input: (w) => ({ id: w.shared.runbook }), expect: everyone },
  "runbooks.suggestionsForIncident": { input: (w) => ({ incidentId: w.shared.incident.id }), expect: readPrivate },
  "runbooks.attachedToIncident": { input: (w) => ({ incidentId: w.shared.incident.id }), expect: readPrivate },
  "runbooks.pendingFeedback": { input: (w) => ({ incidentId: w.shared.incident.id }), expect: readPrivate },
  "runbooks.alertsForIncident": { input: (w) => ({ incidentId: w.shared.incident.id }), expect: readPrivate },
  "runbooks.create": { input: () => runbookInput(), expect: writers },
  "runbooks.update": { input: async (w) => ({ id: (await w.fresh.runbook()).id, baseRevision: 1, ...runbookInput() }), expect: writers },
  "runbooks.restore": { input: async (w) => ({ id: await w.fresh.runbookWithTwoRevisions(), number: 1, baseRevision: 2 }), expect: writers },
  "runbooks.markReviewed": { input: async (w) => ({ id: (await w.fresh.runbook()).id }), expect: writers },
  "runbooks.importMarkdown": { input: () => ({ markdown: `# Imported ${randomUUID().slice(0, 8)}\n\n- [ ] Look\n` }), expect: writers },
  "runbooks.attach": { input: async (w) => ({ incidentId: (await w.fresh.privateIncident()).id, runbookId: w.shared.runbook }), expect: writePrivate },
  "runbooks.setStep": {
    input: async (w) => {
      const run = await w.fresh.run();
      return { incidentRunbookId: run.incidentRunbookId, stepId: run.stepId, done: true };
    },
    expect: writePrivate,
  },
  "runbooks.setStepNote": {
    input: async (w) => {
      const run = await w.fresh.run();
      return { incidentRunbookId: run.incidentRunbookId, stepId: run.stepId, note: "Rolled back" };
    },
    expect: writePrivate,
  },
  "runbooks.giveFeedback": {
    input: async (w) => {
      const run = await w.fresh.run();
      return { runbookId: run.runbookId, incidentId: run.incident.id, helpful: true };
    },
    expect: writePrivate,
  },
  "runbooks.attachAlert": { input: async (w) => ({ incidentId: (await w.fresh.privateIncident()).id, title: "CPU high", labels: { alertname: "cpu" } }), expect: writePrivate },

  "notifications.list": { input: () => ({}), expect: everyone },
  "notifications.unreadCount": { input: () => ({}), expect: everyone },
  // Each caller marks one of their own notifications.
  "notifications.markRead": { input: async (w, as) => ({ id: await w.fresh.notificationFor(as) }), expect: everyone },
  "notifications.markAllRead": { input: () => ({}), expect: everyone },

  "alertSources.list": { input: () => undefined, expect: adminOnly },
  "alertSources.get": { input: async () => ({ id: await freshAlertSource() }), expect: adminOnly },
  "alertSources.create": { input: () => ({ name: "Matrix source", kind: "generic" }), expect: adminOnly },
  "alertSources.update": { input: async () => ({ id: await freshAlertSource(), rateLimitPerMinute: 60 }), expect: adminOnly },
  "alertSources.rotateToken": { input: async () => ({ id: await freshAlertSource() }), expect: adminOnly },
  "alertSources.delete": { input: async () => ({ id: await freshAlertSource() }), expect: adminOnly },
  "alertSources.sendTest": { input: async () => ({ id: await freshAlertSource() }), expect: adminOnly },
  "alertRules.list": { input: () => undefined, expect: adminOnly },
  "alertRules.create": { input: () => ({ name: "Matrix rule", matchers: [{ label: "env", op: "=~", value: "prod|staging" }], tier: "warning" }), expect: adminOnly },
  "alertRules.update": { input: async () => ({ id: await freshAlertRule(), windowMinutes: 45 }), expect: adminOnly },
  "alertRules.delete": { input: async () => ({ id: await freshAlertRule() }), expect: adminOnly },
  "alertRules.move": { input: async () => ({ id: await freshAlertRule(), direction: "up" }), expect: adminOnly },
  "alertRules.preview": { input: () => ({ labels: { service: "checkout", severity: "critical" } }), expect: adminOnly },
  "alerts.list": { input: () => ({}), expect: everyone },
  "alerts.get": { input: async () => ({ id: await freshAlert() }), expect: everyone },
  "alerts.noiseCut": { input: () => undefined, expect: everyone },
  "alerts.sourceOptions": { input: () => undefined, expect: everyone },
  "alerts.onChanged": { input: () => undefined, expect: everyone },
  "follows.mine": { input: () => undefined, expect: everyone },
  // Following is reading: anyone who can see the private incident may follow it.
  "follows.set": { input: (w) => ({ kind: "incident", id: w.shared.incident.id, following: true }), expect: readPrivate },
  "notificationChannels.list": { input: () => undefined, expect: adminOnly },
  "notificationChannels.get": { input: async () => ({ id: await freshChannel() }), expect: adminOnly },
  "notificationChannels.create": { input: () => ({ name: "Matrix channel", kind: "webhook", target: "https://hooks.example.com/daytwo", eventTypes: ["incident.declared"] }), expect: adminOnly },
  "notificationChannels.update": { input: async () => ({ id: await freshChannel(), name: "Renamed" }), expect: adminOnly },
  "notificationChannels.rotateSecret": { input: async () => ({ id: await freshChannel() }), expect: adminOnly },
  "notificationChannels.enable": { input: async () => ({ id: await freshChannel() }), expect: adminOnly },
  "notificationChannels.disable": { input: async () => ({ id: await freshChannel() }), expect: adminOnly },
  "notificationChannels.delete": { input: async () => ({ id: await freshChannel() }), expect: adminOnly },
  "notificationChannels.deliveries": { input: async () => ({ id: await freshChannel() }), expect: adminOnly },
  "notificationChannels.sendTest": { input: async () => ({ id: await freshChannel(receiverUrl) }), expect: adminOnly },
  "notificationChannels.redeliver": { input: async () => ({ deliveryId: await freshDelivery() }), expect: adminOnly },
  "notificationChannels.allowHosts": { input: () => undefined, expect: adminOnly },
  "notificationChannels.setAllowHosts": { input: () => ({ hosts: ["127.0.0.1"] }), expect: adminOnly },
};

// Alert sources are workspace settings, outside any incident: made directly, as an admin would.
async function freshAlertSource(): Promise<string> {
  const { source } = await createAlertSource({ ctx: contextFor(database.db, world.people.admin), input: { name: `Source ${randomUUID().slice(0, 8)}`, kind: "generic" } });
  return source.id;
}
// A webhook channel; sendTest's goes to the loopback receiver, which the allow-list admits.
async function freshChannel(target = "https://hooks.example.com/daytwo"): Promise<string> {
  const input = {
    name: `Channel ${randomUUID().slice(0, 8)}`,
    kind: "webhook" as const,
    target,
    eventTypes: ["incident.declared" as const],
    maxSeverityRank: null,
    serviceIds: [],
    teamIds: [],
    drills: "exclude" as const,
    includePrivate: false,
  };
  return (await createChannel({ ctx: contextFor(database.db, world.people.admin), input })).channel.id;
}
async function freshDelivery(): Promise<string> {
  const id = `msg_${randomUUID()}`;
  await database.db.insert(notificationDeliveries).values({ id, channelId: await freshChannel(receiverUrl), type: "test", payload: {}, status: "failed", attempts: 1 });
  return id;
}
async function freshAlertRule(): Promise<string> {
  const input = {
    name: `Rule ${randomUUID().slice(0, 8)}`,
    matchers: [],
    tier: null,
    severityId: null,
    serviceLabel: "service",
    groupBy: [],
    windowMinutes: 30,
    joinAcknowledgedWithinHours: null,
    isEnabled: true,
  };
  return (await createAlertRule({ ctx: contextFor(database.db, world.people.admin), input })).id;
}
async function freshAlert(): Promise<string> {
  return (await sendTestAlert({ ctx: contextFor(database.db, world.people.admin), input: { id: await freshAlertSource() } })).alertId;
}

let database: Database;
let world: World;
// Answers every notification channel test with 200.
const receiver = http.createServer((request, response) => request.resume().on("end", () => response.end("ok")));
let receiverUrl = "";
beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  database = await createTestDatabase();
  world = await buildWorld(database.db);
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  await database.db
    .update(workspace)
    .set({ outboundAllowHosts: ["127.0.0.1"] })
    .where(eq(workspace.id, 1));
});
afterAll(async () => {
  receiver.close();
  await database.close();
});

type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription" } };
const procedures = () => Object.entries((appRouter._def as unknown as { procedures: Record<string, ProcedureDef> }).procedures);

/**
 * An open live stream marks its reader present and a closed one marks them gone, after the stream
 * ends; wait for that, so the next refused call's "nothing changed" is about that call alone.
 */
async function presenceSettled() {
  for (let waited = 0; waited < 5_000; waited += 25) {
    if ((await database.db.select({ userId: incidentViewers.userId }).from(incidentViewers)).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("a closed live stream still shows its reader as present after 5 s");
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The same input with every id replaced by one that names nothing. */
const withMissingIds = (value: unknown): unknown => {
  if (typeof value === "string") return uuidPattern.test(value) ? randomUUID() : value;
  if (Array.isArray(value)) return value.map(withMissingIds);
  if (value && typeof value === "object" && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withMissingIds(inner)]));
  return value;
};

const outcomeOf = (result: CallResult): string => (result.status === 200 && !result.error ? "OK" : (result.error?.data.code ?? `HTTP ${result.status}`));

describe("permission matrix", () => {
  it("has a row for every procedure in the router, and none for a procedure that is gone", () => {
    const paths = procedures().map(([path]) => path);
    for (const path of paths) expect(rows[path], `add a row for ${path} to server/trpc/permission-matrix.test.ts`).toBeDefined();
    for (const path of Object.keys(rows)) expect(paths, `${path} is no longer in the router: remove its row`).toContain(path);
  });

  it("notices a write: the checksum that guards refused calls changes when a row does", async () => {
    const before = await databaseChecksum(database.db);
    await callProcedure(database.db, world.people.owner, "notifications.markRead", { id: await world.fresh.notificationFor(world.people.owner) }, "mutation");
    expect(await databaseChecksum(database.db)).not.toBe(before);
  });

  it("answers each procedure × actor as its row says, and a refused call writes nothing", async () => {
    const actorFor = (kind: ActorKind): Actor | null => (kind === "signedOut" ? null : world.people[kind]);
    const failures: string[] = [];
    for (const [path, procedure] of procedures()) {
      const row = rows[path];
      if (!row) continue;
      // Refused calls may share one input (that they change nothing is checked); each success gets its own.
      let refusedInput: { value: unknown } | undefined;
      for (const kind of actorKinds) {
        const as = actorFor(kind);
        const expected = row.expect[kind];
        const input = expected === "OK" ? await row.input(world, as) : (refusedInput ??= { value: await row.input(world, as) }).value;
        const before = expected === "OK" ? null : await databaseChecksum(database.db);
        const type = procedure._def.type;
        const result = type === "subscription" ? await openSubscription(database.db, as, path, input, 1_000) : await callProcedure(database.db, as, path, input, type);
        const got = outcomeOf(result);
        if (type === "subscription") await presenceSettled();
        if (got !== expected) failures.push(`${path} as ${kind}: expected ${expected}, got ${got}${result.error ? ` (${result.error.message})` : ""}`);
        if (before !== null && (await databaseChecksum(database.db)) !== before) failures.push(`${path} as ${kind}: refused, yet the database changed`);
        if (expected === "NOT_FOUND") {
          // Hidden must read exactly as missing: the same call naming things that do not exist.
          const missingInput = withMissingIds(input);
          const missing = type === "subscription" ? await openSubscription(database.db, as, path, missingInput, 1_000) : await callProcedure(database.db, as, path, missingInput, type);
          const [hiddenAnswer, missingAnswer] = [result, missing].map((r) => `${outcomeOf(r)}: ${r.error?.message}`);
          if (hiddenAnswer !== missingAnswer) failures.push(`${path} as ${kind}: hidden answers "${hiddenAnswer}", missing answers "${missingAnswer}"`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Generous: two cores shared with other test files; alone it takes about 20 s on either engine.
  }, 180_000);
});
