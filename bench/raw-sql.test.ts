// The bench compares the API with "the same SQL through pg" (raw-sql.ts). That comparison is only
// fair while the raw side sends exactly the statements the app sends for the same caller, so this
// records what the app's list and get send, as the admin and as a viewer, and compares the texts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { getIncident } from "@/server/incidents/get";
import { listIncidents } from "@/server/incidents/list";
import { listIncidentsInput } from "@/server/incidents/schemas";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { recordingDb } from "@/test/query-log";
import { type Caller, commandersQuery, countsQueries, detailQueries, incidentQuery, type ListFilter, pageQuery, type Query, servicesQuery } from "./raw-sql";

let database: TestDatabase;
let recorded: { db: Db; statements: string[]; names: Map<string, string> };
let admin: Actor;
let viewer: Actor;
let incident: { id: string; severityId: number; declaredById: string };

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  viewer = await createActor(database.db, "viewer");
  const declared = await declareIncident({
    ctx: contextFor(database.db, admin),
    input: { title: "Checkout errors", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false },
  });
  incident = { id: declared.id, severityId: 2, declaredById: admin.id };
  recorded = recordingDb(database);
});
afterAll(() => database?.close());

const normalized = (text: string) => text.replace(/\s+/g, " ").trim();
/** Statements sent in parallel arrive in any order: compare them as sorted lists. */
const texts = (statements: (string | Query)[]) => statements.map((s) => normalized(typeof s === "string" ? s : s.text)).sort();

async function appStatements(run: () => Promise<unknown>): Promise<string[]> {
  recorded.statements.length = 0;
  recorded.names.clear();
  await run();
  return texts(recorded.statements);
}

/**
 * The statements the app prepared, by name, beside those the raw side names: a statement prepared on
 * one side only would give that side PostgreSQL's plan reuse alone. PGlite takes no names.
 */
function expectSameNames(raw: Query[]): void {
  if (database.driver.kind !== "postgres") return;
  const app = [...recorded.names].map(([text, name]) => `${name}: ${normalized(text)}`).sort();
  expect(app).toEqual(
    raw
      .filter((query) => query.name)
      .map((query) => `${query.name}: ${normalized(query.text)}`)
      .sort(),
  );
}

const callers = (): [string, Actor, Caller][] => [
  ["the admin", admin, { kind: "admin" }],
  ["a viewer (as an incidents:read token acts)", viewer, { kind: "viewer", actorId: viewer.id }],
];

describe("the raw SQL the bench compares against", () => {
  it.each([
    ["the first page", {}, { sort: "active_first" }],
    [
      "a filtered page",
      { statuses: ["resolved", "triage", "investigating"], severityIds: [2], sort: "newest" },
      { statuses: ["resolved", "triage", "investigating"], severityIds: [2], sort: "newest" },
    ],
  ] as const)("is what the app sends to list %s, for the admin and for a viewer", async (_, input, filter) => {
    for (const [, actor, caller] of callers()) {
      const app = await appStatements(() => listIncidents({ ctx: contextFor(recorded.db, actor), input: listIncidentsInput.parse(input) }));
      const rawFilter: ListFilter = { ...filter, statuses: "statuses" in filter ? [...filter.statuses] : undefined, severityIds: "severityIds" in filter ? [...filter.severityIds] : undefined };
      const page = [incident.id];
      const raw = [pageQuery(rawFilter, caller), ...countsQueries(rawFilter, caller), commandersQuery(page), servicesQuery(page)];
      expect(app).toEqual(texts(raw));
      expectSameNames(raw);
    }
  });

  it("is what the app sends to get one incident, for the admin and for a viewer", async () => {
    for (const [, actor, caller] of callers()) {
      const app = await appStatements(() => getIncident({ ctx: contextFor(recorded.db, actor), input: { incidentId: incident.id } }));
      const raw = [incidentQuery(incident.id, caller), ...detailQueries(incident.id, incident.severityId, incident.declaredById)];
      expect(app).toEqual(texts(raw));
      expectSameNames(raw);
    }
  });
});
