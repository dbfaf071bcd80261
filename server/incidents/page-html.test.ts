// The incident page as a browser first receives it: the server's HTML already holds the incident
// and its latest timeline events (no spinner), and a private incident someone may not see answers
// exactly like one that does not exist.
import { randomUUID } from "node:crypto";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addNote } from "@/server/incidents/add-note";
import { declareIncident } from "@/server/incidents/declare";
import { importMarkdownRunbook } from "@/server/runbooks/import-markdown";
import { startApp, stopAllApps, type AppProcess } from "@/test/app-process";
import { contextFor, createActor } from "@/test/actors";
import { prepareAppDatabase, type AppDatabase } from "@/test/app-database";
import { sessionCookie } from "@/test/collab-clients";

async function seed(db: Db) {
  const ada = await createActor(db, "responder", "Ada Commander");
  const viewer = await createActor(db, "viewer", "Vic Viewer");
  const admin = await createActor(db, "admin", "Ann Admin");
  const ctx = contextFor(db, ada);
  const incident = await declareIncident({ ctx, input: { title: "Checkout payments failing in EU", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
  const notes = ["Rolled back the payments deploy", "Error rate back under 0.1%", "Card processor confirms the fix"];
  for (const body of notes) await addNote({ ctx, input: { incidentId: incident.id, body } });
  const hidden = await declareIncident({ ctx, input: { title: "Secret layoffs leak", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: true } });
  const runbook = await importMarkdownRunbook({ ctx, input: { markdown: "# Payments failover\n\n1. Drain the EU region\n2. Page the card processor\n" } });
  return { ada, viewer, admin, incidentId: incident.id, hiddenId: hidden.id, runbookId: runbook.id, notes };
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
    // Only the id in the address (and the per-request script nonce) may differ between the two answers.
    const shape = (html: string, id: string) => html.replaceAll(id, "<id>").replace(/nonce(=\\?"|\\?":\\?")[A-Za-z0-9+/=]+/g, "nonce$1<nonce>");
    expect(shape(hidden.html, hiddenId)).toBe(shape(missing.html, missingId));
    expect((await getPage("/incidents/not-an-id", viewer)).status).toBe(404);
  }, 60_000);
});

/** React's own errors (a hydration mismatch is #418 in a production build). */
const reactErrors = (errors: string[]) => errors.filter((error) => /react|hydrat/i.test(error));

describe("in a real browser", () => {
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens `path` signed in as `user`; returns the tRPC procedures the page asked for while it settled. */
  async function openAndListen(path: string, user: { id: string; name: string; email: string }, { quiet = false } = {}) {
    browser ??= await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-dev-shm-usage"] });
    const [name, value] = (await sessionCookie(user)).split("=") as [string, string];
    const context = await browser.newContext({
      storageState: { cookies: [{ name, value, domain: "127.0.0.1", path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" }], origins: [] },
    });
    const page = await context.newPage();
    // Today any live message (a presence ping's echo included) makes the page refetch everything;
    // with the feed cut, what is left is what the page asks for on its own when it first paints.
    if (quiet) await page.route(/\/api\/(trpc\/incidents\.ping|live\/)/, (route) => route.abort());
    const asked: string[] = [];
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/trpc/")) asked.push(...url.pathname.slice("/api/trpc/".length).split(","));
    });
    await page.goto(`http://127.0.0.1:${app.port}${path}`);
    await page.waitForLoadState("networkidle").catch(() => {});
    return { page, asked, errors, close: () => context.close() };
  }

  it("paints the incident without a spinner and does not ask again for what the server sent", async () => {
    const { ada, incidentId, notes } = database.seeded;
    const { page, asked, errors, close } = await openAndListen(`/incidents/${incidentId}`, ada, { quiet: true });
    await page.getByRole("heading", { name: /Checkout payments failing in EU/ }).waitFor();
    await page.getByText(notes.at(-1)!).waitFor();
    expect(await page.getByText(/^Loading/).allTextContents()).toEqual([]);
    // The browser adopted the server's HTML as it was: no hydration error.
    expect(reactErrors(errors)).toEqual([]);
    for (const prefetched of [
      "incidents.get",
      "incidents.timeline",
      "incidents.formOptions",
      "postMortems.forIncident",
      "runbooks.attachedToIncident",
      "runbooks.suggestionsForIncident",
      "runbooks.alertsForIncident",
      "actionItems.list",
      "postMortems.templates",
    ]) {
      expect(asked, `${prefetched} was fetched again in the browser: ${asked.join(" ")}`).not.toContain(prefetched);
    }
    await close();
  }, 60_000);

  it("paints the incident list with its first page, filtered as the address says", async () => {
    const { ada } = database.seeded;
    const { page, asked, errors, close } = await openAndListen("/incidents?status=all&sort=newest&q=payments", ada);
    await page
      .getByRole("link", { name: /Checkout payments failing in EU/ })
      .first()
      .waitFor();
    expect(reactErrors(errors)).toEqual([]);
    expect(asked).not.toContain("incidents.list");
    expect(asked).not.toContain("incidents.formOptions");
    await close();
  }, 60_000);

  it("paints the other server-first pages with their content and asks again for none of it", async () => {
    const { admin, runbookId } = database.seeded;
    const pages: [path: string, text: string, prefetched: string[]][] = [
      ["/runbooks", "Payments failover", ["runbooks.list", "services.list", "teams.list"]],
      [`/runbooks/${runbookId}`, "Drain the EU region", ["runbooks.get", "incidents.formOptions"]],
      [`/runbooks/${runbookId}/history`, "Payments failover", ["runbooks.get", "runbooks.revisions"]],
      ["/action-items", "My action items", ["actionItems.list"]],
      ["/alerts", "Noise cut", ["alerts.list", "alerts.noiseCut", "alerts.sourceOptions"]],
      ["/settings/users", "Ann Admin", ["users.list"]],
      ["/settings/teams", "Teams", ["teams.list", "users.list"]],
      ["/settings/services", "Service catalog", ["services.list"]],
      ["/settings/incident-roles", "Commander", ["incidentRoles.list"]],
      ["/settings/post-mortem-templates", "Post-mortem templates", ["postMortems.templates"]],
      ["/settings/action-items", "Default due dates", ["workspace.dueDays"]],
    ];
    for (const [path, text, prefetched] of pages) {
      const { page, asked, errors, close } = await openAndListen(path, admin);
      await page.getByText(text).first().waitFor();
      expect(await page.getByText(/^Loading/).allTextContents(), path).toEqual([]);
      expect(reactErrors(errors), path).toEqual([]);
      for (const procedure of prefetched) expect(asked, `${path} asked again for ${procedure}: ${asked.join(" ")}`).not.toContain(procedure);
      await close();
    }
  }, 120_000);
});
