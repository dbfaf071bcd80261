// A client generated from the live OpenAPI document (openapi-typescript types + openapi-fetch)
// declares an incident and reads its timeline against the real server process.
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apiTypesSource } from "@/scripts/api-types";
import { createActor } from "@/test/actors";
import { makeToken } from "@/test/api-server";
import { prepareAppDatabase, type AppDatabase } from "@/test/app-database";
import { requireProductionBuild, startApp, stopAllApps, type AppProcess } from "@/test/app-process";
import type { paths } from "@/test/generated/api-v1";
import fs from "node:fs";

async function seed(db: Db) {
  const admin = await createActor(db, "admin", "Ann Admin");
  return { token: (await makeToken(db, admin, { name: "Generated client", scopes: ["incidents:read", "incidents:write"] })).token };
}

let database: AppDatabase<Awaited<ReturnType<typeof seed>>>;
let app: AppProcess;
beforeAll(async () => {
  requireProductionBuild();
  database = await prepareAppDatabase(seed);
  app = await startApp(database.env);
}, 120_000);
afterAll(async () => {
  await stopAllApps();
  await database?.close();
});

// Formatting (biome) may differ; the declarations may not.
const normalized = (source: string) => source.replace(/^\/\/.*$/gm, "").replace(/[\s,;]/g, "");

describe("a client generated from /api/v1/openapi.json", () => {
  it("has types that match the live document", async () => {
    const live = await (await fetch(`http://127.0.0.1:${app.port}/api/v1/openapi.json`)).json();
    const generated = await apiTypesSource(live);
    expect(generated).toContain('"/incidents/{incidentId}/timeline"');
    expect(normalized(fs.readFileSync("test/generated/api-v1.d.ts", "utf8"))).toBe(normalized(generated));
  });

  it("declares an incident and reads its timeline", async () => {
    const client = createClient<paths>({ baseUrl: `http://127.0.0.1:${app.port}/api/v1`, headers: { authorization: `Bearer ${database.seeded.token}` } });
    const declared = await client.POST("/incidents", { body: { title: "Generated client says hello", severityId: 2 } });
    expect(declared.response.status).toBe(200);
    const id = declared.data?.id ?? "";
    const timeline = await client.GET("/incidents/{incidentId}/timeline", { params: { path: { incidentId: id } } });
    expect(timeline.response.status).toBe(200);
    expect(timeline.data?.[0]).toMatchObject({ kind: "incident.declared", actor: { name: "API token “Generated client”" } });
    const refused = await client.POST("/incidents", { body: { title: "" } });
    expect(refused.response.status).toBe(400);
    expect(refused.error).toMatchObject({ code: "invalid", field: "title" });
  });
});
