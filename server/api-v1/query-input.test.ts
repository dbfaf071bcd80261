// How /api/v1 reads a query string and a body: list filters repeat, numbers and booleans are read by
// the types the document gives them, an empty filter is no filter, and anything else is a 400 that
// names the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidents } from "@/db/schema";
import { createActor } from "@/test/actors";
import { makeToken, startApiServer, type ApiServer } from "@/test/api-server";
import { createTestDatabase, type TestDatabase } from "@/test/database";

let database: TestDatabase;
let server: ApiServer;
let token: string;
const declared: Record<number, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const admin = await createActor(database.db, "admin");
  token = (await makeToken(database.db, admin, { scopes: ["incidents:read", "incidents:write"] })).token;
  server = await startApiServer();
  for (const severityId of [1, 2, 3]) {
    const response = await call("/incidents", { method: "POST", body: JSON.stringify({ title: `Severity ${severityId} incident`, severityId }) });
    declared[severityId] = ((await response.json()) as { id: string }).id;
  }
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${server.base}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers } });
const listed = async (query: string) => {
  const response = await call(`/incidents${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { incidents: { id: string; severity: { id: number } }[] }).incidents;
};

describe("query parameters", () => {
  it("filters by one severity or by several, as the UI's filter does", async () => {
    expect((await listed("?severityIds=2")).map((incident) => incident.id)).toEqual([declared[2]]);
    const two = await listed("?severityIds=1&severityIds=3&limit=10");
    expect(two.map((incident) => incident.severity.id).sort()).toEqual([1, 3]);
  });

  it("treats an empty filter as no filter", async () => {
    expect(await listed("?serviceId=&severityIds=&limit=")).toHaveLength(3);
  });

  it("answers text where a number or a boolean belongs with a 400 naming the parameter", async () => {
    const limit = await call("/incidents?limit=ten");
    expect(limit.status).toBe(400);
    expect(await limit.json()).toMatchObject({ code: "invalid", field: "limit" });
    const highlighted = await call(`/incidents/${declared[1]}/timeline?highlightedOnly=maybe`);
    expect(highlighted.status).toBe(400);
    expect(await highlighted.json()).toMatchObject({ code: "invalid", field: "highlightedOnly" });
  });

  it("answers HEAD like GET, without the body", async () => {
    const response = await call(`/incidents/${declared[1]}`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.text()).toBe("");
    expect((await call("/incidents/00000000-0000-4000-8000-000000000000", { method: "HEAD" })).status).toBe(404);
  });
});

describe("bodies", () => {
  it("refuses a body that is JSON but not an object, and saves nothing", async () => {
    const before = await database.db.$count(incidents);
    for (const body of ["[]", '"Deploy failed"', "null"]) {
      const response = await call("/incidents", { method: "POST", body });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ code: "invalid", message: "The request body must be a JSON object." });
    }
    expect(await database.db.$count(incidents)).toBe(before);
  });

  it("lets the path name the incident even when the body names another", async () => {
    const response = await call(`/incidents/${declared[1]}/notes`, { method: "POST", body: JSON.stringify({ incidentId: declared[2], body: "Rolled back the deploy." }) });
    expect(response.status).toBe(200);
    const timeline = async (id: string | undefined) => (await (await call(`/incidents/${id}/timeline?kinds=note.added`)).json()) as unknown[];
    expect(await timeline(declared[1])).toHaveLength(1);
    expect(await timeline(declared[2])).toHaveLength(0);
  });
});
