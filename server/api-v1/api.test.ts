// The REST API as a client sees it: tokens, scopes, errors, the document, idempotency and limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, incidents, services, teams, users } from "@/db/schema";
import { createActionItem } from "@/server/action-items/create";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor } from "@/test/actors";
import { createActor } from "@/test/actors";
import { makeToken, startApiServer, type ApiServer } from "@/test/api-server";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import type { Actor } from "@/server/context";

let database: TestDatabase;
let server: ApiServer;
let admin: Actor;
let writer: string;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  writer = (await makeToken(database.db, admin, { name: "CI deploys", scopes: ["incidents:read", "incidents:write"] })).token;
  server = await startApiServer();
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const call = (path: string, token: string | null, init: RequestInit = {}) =>
  fetch(`${server.base}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers } });

describe("the REST API", () => {
  it("declares an incident as the token, which the timeline and the audit log name", async () => {
    const response = await call("/incidents", writer, { method: "POST", body: JSON.stringify({ title: "Deploy failed", severityId: 2 }) });
    expect(response.status).toBe(200);
    const { id, reference } = (await response.json()) as { id: string; reference: string };
    expect(reference).toMatch(/^INC-/);
    const timeline = (await (await call(`/incidents/${id}/timeline`, writer)).json()) as { kind: string; actor: { name: string }; occurredAt: string }[];
    expect(timeline[0]).toMatchObject({ kind: "incident.declared", actor: { name: "API token “CI deploys”" } });
    expect(new Date(timeline[0]!.occurredAt).toISOString()).toBe(timeline[0]!.occurredAt);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    const [incident] = await database.db.select().from(incidents).where(eq(incidents.id, id));
    expect(audit?.actorId).toBe(incident?.declaredById);
    expect(incident?.declaredById).not.toBe(admin.id);
  });

  it("answers bad input with code, message and field, and saves nothing", async () => {
    const before = await database.db.$count(incidents);
    const response = await call("/incidents", writer, { method: "POST", body: JSON.stringify({ title: "x", severityId: 500 }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, string>;
    expect(body).toMatchObject({ code: "invalid", field: "severityId" });
    expect(body.message).toMatch(/^severityId: /);
    expect(Object.keys(body).sort()).toEqual(["code", "field", "message"]);
    expect(await database.db.$count(incidents)).toBe(before);
  });

  it("answers malformed JSON, a wrong content type and an unknown path in the same shape", async () => {
    const malformed = await call("/incidents", writer, { method: "POST", body: "{nope" });
    expect([malformed.status, ((await malformed.json()) as { code: string }).code]).toEqual([400, "invalid"]);
    const text = await call("/incidents", writer, { method: "POST", body: "title=x", headers: { "content-type": "text/plain" } });
    expect([text.status, ((await text.json()) as { code: string }).code]).toEqual([415, "unsupported_media_type"]);
    const unknown = await call("/nothing-here", writer);
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, "not_found"]);
  });

  it("refuses a missing, malformed or unknown token with 401", async () => {
    for (const token of [null, "dt_not-a-token", `dt_${"A".repeat(36)}`]) {
      const response = await call("/incidents", token);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { code: string }).code).toBe("unauthorized");
    }
  });

  it("hides a missing incident and a malformed id the same way", async () => {
    const missing = await call("/incidents/00000000-0000-4000-8000-000000000000", writer);
    expect([missing.status, ((await missing.json()) as { code: string }).code]).toEqual([404, "not_found"]);
    const malformed = await call("/incidents/nope", writer);
    expect([malformed.status, ((await malformed.json()) as { field: string }).field]).toEqual([400, "incidentId"]);
  });

  it("serves the OpenAPI document without a token", async () => {
    const response = await fetch(`${server.base}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/incidents/{incidentId}/timeline");
  });

  it("serves a reference page listing every endpoint with its scope and a curl example", async () => {
    const response = await fetch(server.base.replace("/api/v1", "/api/docs"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    const document = (await (await fetch(`${server.base}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item)) expect(html).toContain(`<span class="method">${method.toUpperCase()}</span> <code>/api/v1${path}</code>`);
    }
    expect(html).toContain("Scope: <code>incidents:write</code>");
    expect(html).toContain("curl -sS -X POST");
    expect(html).not.toMatch(/<script|https:\/\/cdn/);
  });

  it("keeps a team-restricted token to incidents of its team's services", async () => {
    const db = database.db;
    const [team] = await db.insert(teams).values({ name: "Payments team" }).returning();
    const [owned] = await db.insert(services).values({ name: "payments-api", ownerTeamId: team!.id, tier: 1 }).returning();
    const [other] = await db.insert(services).values({ name: "search-api", tier: 2 }).returning();
    const ctx = contextFor(db, admin);
    const base = { severityId: 3, kind: "incident" as const, summary: "", isPrivate: false };
    const ours = await declareIncident({ ctx, input: { ...base, title: "Payments slow", serviceIds: [owned!.id] } });
    const theirs = await declareIncident({ ctx, input: { ...base, title: "Search slow", serviceIds: [other!.id] } });
    const { token } = await makeToken(db, admin, { scopes: ["incidents:read", "incidents:write"], teamId: team!.id });
    const listed = (await (await call("/incidents?limit=100", token)).json()) as { incidents: { id: string }[] };
    expect(listed.incidents.map((incident) => incident.id)).toEqual([ours.id]);
    expect((await call(`/incidents/${theirs.id}`, token)).status).toBe(404);
    expect((await call(`/incidents/${ours.id}`, token)).status).toBe(200);
    const outside = await call("/incidents", token, { method: "POST", body: JSON.stringify({ title: "No service" }) });
    expect([outside.status, ((await outside.json()) as { field: string }).field]).toEqual([400, "serviceIds"]);
    const inside = await call("/incidents", token, { method: "POST", body: JSON.stringify({ title: "Payments down", serviceIds: [owned!.id] }) });
    expect(inside.status).toBe(200);
  });

  it("keeps a team-restricted token to its team's action items: those of its incidents, and of no incident only its team's", async () => {
    const db = database.db;
    const [team] = await db.insert(teams).values({ name: "Checkout team" }).returning();
    const [owned] = await db.insert(services).values({ name: "checkout-api", ownerTeamId: team!.id, tier: 1 }).returning();
    const ctx = contextFor(db, admin);
    const base = { severityId: 3, kind: "incident" as const, summary: "", isPrivate: false };
    const ours = await declareIncident({ ctx, input: { ...base, title: "Checkout slow", serviceIds: [owned!.id] } });
    const theirs = await declareIncident({ ctx, input: { ...base, title: "Billing slow", serviceIds: [] } });
    const item = (title: string, extra: { incidentId?: string; teamId?: string }) =>
      createActionItem({ ctx, input: { title, description: "", ownerId: admin.id, priority: "medium", kind: "prevent", ...extra } });
    const onOurs = await item("Cache checkout sessions", { incidentId: ours.id });
    await item("Shard the billing table", { incidentId: theirs.id });
    const oursAlone = await item("Checkout load test", { teamId: team!.id });
    const nobodys = await item("Tidy the wiki", {});
    const { token } = await makeToken(db, admin, { scopes: ["action-items:read", "action-items:write"], teamId: team!.id });

    const listed = (await (await call("/action-items?scope=all", token)).json()) as { id: string }[];
    expect(listed.map((listedItem) => listedItem.id).sort()).toEqual([onOurs.id, oursAlone.id].sort());
    // Another team's item (or no team's) reads as missing, like a hidden incident.
    const hidden = await call(`/action-items/${nobodys.id}/status`, token, { method: "POST", body: JSON.stringify({ status: "done" }) });
    expect(hidden.status).toBe(404);
    const mine = await call(`/action-items/${oursAlone.id}/status`, token, { method: "POST", body: JSON.stringify({ status: "in_progress" }) });
    expect(mine.status).toBe(200);
    const noTeam = await call("/action-items", token, { method: "POST", body: JSON.stringify({ title: "Someone else's follow-up", ownerId: admin.id }) });
    expect([noTeam.status, ((await noTeam.json()) as { field: string }).field]).toEqual([400, "teamId"]);
    const withTeam = await call("/action-items", token, { method: "POST", body: JSON.stringify({ title: "Checkout runbook", ownerId: admin.id, teamId: team!.id }) });
    expect(withTeam.status).toBe(200);
  });

  it("reads boolean query parameters as written: highlightedOnly=false lists every event", async () => {
    const { id } = (await (await call("/incidents", writer, { method: "POST", body: JSON.stringify({ title: "Booleans" }) })).json()) as { id: string };
    const all = (await (await call(`/incidents/${id}/timeline?highlightedOnly=false`, writer)).json()) as unknown[];
    const highlighted = (await (await call(`/incidents/${id}/timeline?highlightedOnly=true`, writer)).json()) as unknown[];
    expect(all.length).toBeGreaterThan(0);
    expect(highlighted).toEqual([]);
  });

  it("refuses a JSON body whose boolean or number arrives as text, naming the field, and saves nothing", async () => {
    const before = await database.db.$count(incidents);
    const privateAsText = await call("/incidents", writer, { method: "POST", body: JSON.stringify({ title: "Quoted boolean", isPrivate: "false" }) });
    expect(privateAsText.status).toBe(400);
    expect(await privateAsText.json()).toMatchObject({ code: "invalid", field: "isPrivate", message: expect.stringMatching(/^isPrivate: expected true or false/) });
    const severityAsNull = await call("/incidents", writer, { method: "POST", body: JSON.stringify({ title: "Null severity", severityId: null }) });
    expect(severityAsNull.status).toBe(400);
    expect(await severityAsNull.json()).toMatchObject({ code: "invalid", field: "severityId" });
    expect(await database.db.$count(incidents)).toBe(before);
    // The same fields with their JSON types are taken as written: false stays false.
    const declared = await call("/incidents", writer, { method: "POST", body: JSON.stringify({ title: "Typed booleans", isPrivate: false, severityId: 3 }) });
    expect(declared.status).toBe(200);
    const { id } = (await declared.json()) as { id: string };
    const [stored] = await database.db.select().from(incidents).where(eq(incidents.id, id));
    expect(stored?.isPrivate).toBe(false);
  });

  it("keeps a workspace token working after its creator is deactivated", async () => {
    const creator = await createActor(database.db, "admin");
    const { token } = await makeToken(database.db, creator, { scopes: ["incidents:read"] });
    await database.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, creator.id));
    expect((await call("/incidents", token)).status).toBe(200);
  });

  it("records when and from where a token was last used", async () => {
    const { token, apiToken } = await makeToken(database.db, admin, { scopes: ["incidents:read"] });
    expect(apiToken.lastUsedAt).toBeNull();
    await call("/incidents", token);
    const { listApiTokens } = await import("@/server/api-tokens/list");
    const { contextFor } = await import("@/test/actors");
    const seen = (await listApiTokens({ ctx: contextFor(database.db, admin) })).find((entry) => entry.id === apiToken.id);
    expect(seen?.lastUsedAt).toBeInstanceOf(Date);
    expect(seen?.lastUsedFrom).toBe("127.0.0.1");
  });
});
