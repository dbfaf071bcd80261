// The API matrix: every /api/v1 endpoint × {no token, expired, revoked, a token of each single scope,
// a viewer's personal token, a demoted responder's personal token, a deactivated owner's token}.
// Each answer's status must be the expected one, and every refusal must use the API's error shape.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, users } from "@/db/schema";
import { apiScopeNames, type ApiScope } from "@/lib/api-scopes";
import { createActionItem } from "@/server/action-items/create";
import { createAlertSource } from "@/server/alerts/sources/create";
import { sendTestAlert } from "@/server/alerts/sources/send-test";
import { revokeApiToken } from "@/server/api-tokens/revoke";
import type { Actor } from "@/server/context";
import { changeStatus } from "@/server/incidents/change-status";
import { declareIncident } from "@/server/incidents/declare";
import { publishPostMortem } from "@/server/post-mortems/publish";
import { decideReview, requestReview } from "@/server/post-mortems/review";
import { startPostMortem } from "@/server/post-mortems/start";
import { createRunbook } from "@/server/runbooks/create";
import { contextFor, createActor } from "@/test/actors";
import { makeToken, startApiServer, type ApiServer } from "@/test/api-server";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { runbookInput } from "@/test/permission-world";

type Request = { path: string; body?: unknown };
type Endpoint = { name: string; method: "GET" | "POST" | "PATCH"; scope: ApiScope; request: () => Promise<Request> };

let database: TestDatabase;
let server: ApiServer;
let people: Record<"owner" | "admin" | "viewer" | "demoted" | "leaver", Actor>;
const fixed: Record<string, string> = {};

const ctx = () => contextFor(database.db, people.owner);
const incident = async () => (await declareIncident({ ctx: ctx(), input: { title: "Matrix incident", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false } })).id;

const endpoints: Endpoint[] = [
  { name: "list incidents", method: "GET", scope: "incidents:read", request: async () => ({ path: "/incidents?statuses=triage&limit=5&sort=newest" }) },
  { name: "get incident", method: "GET", scope: "incidents:read", request: async () => ({ path: `/incidents/${fixed.incident}` }) },
  { name: "timeline", method: "GET", scope: "incidents:read", request: async () => ({ path: `/incidents/${fixed.incident}/timeline?kinds=incident.declared` }) },
  { name: "declare", method: "POST", scope: "incidents:write", request: async () => ({ path: "/incidents", body: { title: "Declared by the API" } }) },
  { name: "update", method: "PATCH", scope: "incidents:write", request: async () => ({ path: `/incidents/${await incident()}`, body: { expectedVersion: 1, title: "Renamed" } }) },
  { name: "change status", method: "POST", scope: "incidents:write", request: async () => ({ path: `/incidents/${await incident()}/status`, body: { expectedVersion: 1, to: "investigating" } }) },
  { name: "add note", method: "POST", scope: "incidents:write", request: async () => ({ path: `/incidents/${await incident()}/notes`, body: { body: "Rolled back" } }) },
  { name: "status update", method: "POST", scope: "incidents:write", request: async () => ({ path: `/incidents/${await incident()}/status-updates`, body: { body: "We are on it" } }) },
  {
    name: "assign role",
    method: "POST",
    scope: "incidents:write",
    request: async () => ({ path: `/incidents/${await incident()}/roles`, body: { expectedVersion: 1, roleKey: "scribe", userId: people.owner.id } }),
  },
  { name: "list alerts", method: "GET", scope: "alerts:read", request: async () => ({ path: "/alerts?limit=10" }) },
  { name: "get alert", method: "GET", scope: "alerts:read", request: async () => ({ path: `/alerts/${fixed.alert}` }) },
  { name: "list action items", method: "GET", scope: "action-items:read", request: async () => ({ path: "/action-items?scope=all&status=active" }) },
  {
    name: "create action item",
    method: "POST",
    scope: "action-items:write",
    request: async () => ({ path: "/action-items", body: { title: "Add a canary", ownerId: people.owner.id, incidentId: fixed.incident } }),
  },
  { name: "action item status", method: "POST", scope: "action-items:write", request: async () => ({ path: `/action-items/${await actionItem()}/status`, body: { status: "done" } }) },
  { name: "list runbooks", method: "GET", scope: "runbooks:read", request: async () => ({ path: "/runbooks" }) },
  { name: "get runbook", method: "GET", scope: "runbooks:read", request: async () => ({ path: `/runbooks/${fixed.runbook}` }) },
  { name: "runbook markdown", method: "GET", scope: "runbooks:read", request: async () => ({ path: `/runbooks/${fixed.runbook}/markdown` }) },
  { name: "list post-mortems", method: "GET", scope: "post-mortems:read", request: async () => ({ path: "/post-mortems" }) },
  { name: "post-mortem markdown", method: "GET", scope: "post-mortems:read", request: async () => ({ path: `/post-mortems/${fixed.postMortem}/markdown` }) },
  { name: "services", method: "GET", scope: "workspace:read", request: async () => ({ path: "/services" }) },
  { name: "teams", method: "GET", scope: "workspace:read", request: async () => ({ path: "/teams" }) },
  { name: "users", method: "GET", scope: "admin:read", request: async () => ({ path: "/users" }) },
];

async function actionItem() {
  return (await createActionItem({ ctx: ctx(), input: { title: "Follow up", description: "", ownerId: people.owner.id, incidentId: fixed.incident, priority: "medium", kind: "prevent" } })).id;
}

type Kind = { name: string; token: string | null; allows: (endpoint: Endpoint) => 200 | 401 | 403 };
const kinds: Kind[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  people = {
    owner: await createActor(db, "responder"),
    admin: await createActor(db, "admin"),
    viewer: await createActor(db, "viewer"),
    demoted: await createActor(db, "responder"),
    leaver: await createActor(db, "responder"),
  };
  fixed.incident = await incident();
  const { source } = await createAlertSource({ ctx: contextFor(db, people.admin), input: { name: "Matrix source", kind: "generic" } });
  fixed.alert = (await sendTestAlert({ ctx: contextFor(db, people.admin), input: { id: source.id } })).alertId;
  fixed.runbook = (await createRunbook({ ctx: ctx(), input: runbookInput() })).id;
  const resolved = await incident();
  await changeStatus({ ctx: ctx(), input: { incidentId: resolved, expectedVersion: 1, to: "resolved" } });
  const postMortem = (await startPostMortem({ ctx: ctx(), input: { incidentId: resolved } })).id;
  await requestReview({ ctx: ctx(), input: { postMortemId: postMortem, reviewerIds: [people.owner.id] } });
  await decideReview({ ctx: ctx(), input: { postMortemId: postMortem, decision: "approved" } });
  await publishPostMortem({ ctx: ctx(), input: { postMortemId: postMortem } });
  fixed.postMortem = postMortem;

  const all = [...apiScopeNames];
  const expired = await makeToken(db, people.admin, { scopes: all, expiresInDays: 1 });
  await db
    .update(apiTokens)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(apiTokens.id, expired.apiToken.id));
  const revoked = await makeToken(db, people.admin, { scopes: all });
  await revokeApiToken({ ctx: contextFor(db, people.admin), input: { tokenId: revoked.apiToken.id } });
  kinds.push({ name: "no token", token: null, allows: () => 401 }, { name: "expired", token: expired.token, allows: () => 401 }, { name: "revoked", token: revoked.token, allows: () => 401 });
  for (const scope of all) {
    const { token } = await makeToken(db, people.admin, { scopes: [scope] });
    kinds.push({ name: `only ${scope}`, token, allows: (endpoint) => (endpoint.scope === scope ? 200 : 403) });
  }
  const viewerScopes: ApiScope[] = ["incidents:read", "alerts:read", "action-items:read", "runbooks:read", "post-mortems:read", "workspace:read"];
  const viewer = await makeToken(db, people.viewer, { scopes: viewerScopes, personal: true });
  kinds.push({ name: "viewer's personal", token: viewer.token, allows: (endpoint) => (viewerScopes.includes(endpoint.scope) ? 200 : 403) });
  // A responder's personal token with write scopes, after the responder became a viewer: reads only.
  const demoted = await makeToken(db, people.demoted, { scopes: ["incidents:read", "incidents:write"], personal: true });
  await db.update(users).set({ role: "viewer" }).where(eq(users.id, people.demoted.id));
  kinds.push({ name: "demoted responder's personal", token: demoted.token, allows: (endpoint) => (endpoint.scope === "incidents:read" ? 200 : 403) });
  const leaver = await makeToken(db, people.leaver, { scopes: ["incidents:read"], personal: true });
  await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, people.leaver.id));
  kinds.push({ name: "deactivated owner's personal", token: leaver.token, allows: () => 401 });
  server = await startApiServer();
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const codeFor = { 401: "unauthorized", 403: "forbidden" } as const;

describe("the API matrix", () => {
  it("answers every endpoint × token kind as expected: 0 wrong answers", { timeout: 240_000 }, async () => {
    const wrong: string[] = [];
    let answers = 0;
    for (const endpoint of endpoints) {
      for (const kind of kinds) {
        const { path, body } = await endpoint.request();
        const headers: Record<string, string> = body === undefined ? {} : { "content-type": "application/json" };
        if (kind.token) headers.authorization = `Bearer ${kind.token}`;
        const response = await fetch(`${server.base}${path}`, { method: endpoint.method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        const text = await response.text();
        const expected = kind.allows(endpoint);
        answers += 1;
        if (response.status !== expected) wrong.push(`${endpoint.name} × ${kind.name}: ${response.status} ${text.slice(0, 200)}`);
        else if (expected !== 200 && (JSON.parse(text) as { code: string }).code !== codeFor[expected]) wrong.push(`${endpoint.name} × ${kind.name}: ${text}`);
      }
    }
    expect(answers).toBe(endpoints.length * kinds.length);
    expect(wrong).toEqual([]);
  });
});
