// The incident page as a browser first receives it: the server's HTML already holds the incident
// and its latest timeline events (no spinner), and a private incident someone may not see answers
// exactly like one that does not exist.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addNote } from "@/server/incidents/add-note";
import { declareIncident } from "@/server/incidents/declare";
import { startApp, stopAllApps, type AppProcess } from "@/test/app-process";
import { contextFor, createActor } from "@/test/actors";
import { prepareAppDatabase, type AppDatabase } from "@/test/app-database";
import { sessionCookie } from "@/test/collab-clients";

async function seed(db: Db) {
  const ada = await createActor(db, "responder", "Ada Commander");
  const viewer = await createActor(db, "viewer", "Vic Viewer");
  const ctx = contextFor(db, ada);
  const incident = await declareIncident({ ctx, input: { title: "Checkout payments failing in EU", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
  const notes = ["Rolled back the payments deploy", "Error rate back under 0.1%", "Card processor confirms the fix"];
  for (const body of notes) await addNote({ ctx, input: { incidentId: incident.id, body } });
  const hidden = await declareIncident({ ctx, input: { title: "Secret layoffs leak", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: true } });
  return { ada, viewer, incidentId: incident.id, hiddenId: hidden.id, notes };
}

let database: AppDatabase<Awaited<ReturnType<typeof seed>>>;
let app: AppProcess;
beforeAll(async () => {
  database = await prepareAppDatabase(seed);
  app = await startApp(database.env);
}, 120_000);
afterAll(async () => {
  await stopAllApps();
  await database?.close();
});

async function getPage(path: string, user: { id: string; name: string; email: string }) {
  const res = await fetch(`http://127.0.0.1:${app.port}${path}`, { headers: { cookie: await sessionCookie(user) }, redirect: "manual" });
  return { status: res.status, html: await res.text() };
}

describe("the incident page's server HTML", () => {
  it("holds the title and the latest timeline events, not a spinner", async () => {
    const { ada, incidentId, notes } = database.seeded;
    const { status, html } = await getPage(`/incidents/${incidentId}`, ada);
    expect(status).toBe(200);
    expect(html).toContain("Checkout payments failing in EU");
    for (const note of notes) expect(html).toContain(note);
    expect(html).not.toContain("Loading incident");
    expect(html).not.toContain("Loading timeline");
  }, 60_000);

  it("answers a hidden private incident exactly as a missing one: 404, same page", async () => {
    const { viewer, hiddenId } = database.seeded;
    const missingId = randomUUID();
    const hidden = await getPage(`/incidents/${hiddenId}`, viewer);
    const missing = await getPage(`/incidents/${missingId}`, viewer);
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.html).not.toContain("Secret layoffs leak");
    // Only the id in the address may differ between the two answers.
    const shape = (html: string, id: string) => html.replaceAll(id, "<id>");
    expect(shape(hidden.html, hiddenId)).toBe(shape(missing.html, missingId));
    expect((await getPage("/incidents/not-an-id", viewer)).status).toBe(404);
  }, 60_000);
});
