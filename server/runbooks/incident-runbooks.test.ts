import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidents, runbooks, services } from "@/db/schema";
import { describeEvent } from "@/lib/timeline-text";
import type { Actor } from "@/server/context";
import { changeStatus } from "@/server/incidents/change-status";
import { declareIncident } from "@/server/incidents/declare";
import { getTimeline } from "@/server/incidents/timeline";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";
import { attachRunbook } from "./attach";
import { attachAlert } from "./attach-alert";
import { attachedToIncident } from "./attached";
import { createRunbook } from "./create";
import { getRunbook } from "./get";
import { giveFeedback } from "./give-feedback";
import { pendingFeedback } from "./pending-feedback";
import { setStep } from "./set-step";
import { setStepNote } from "./set-step-note";
import { suggestionsForIncident } from "./suggestions";
import { updateRunbook } from "./update";

let database: TestDatabase;
let lead: Actor;
let helper: Actor;
let viewer: Actor;
let outsider: Actor;
let checkout: { id: string };
let search: { id: string };
const now = new Date("2026-11-23T12:00:00Z");
const as = (actor: Actor, at = now) => ({ ...contextFor(database.db, actor), now: () => at });
const step = (text: string) => ({ type: "runbookStep", content: [{ type: "text", text }] });
const runbook = (title: string, overrides: Record<string, unknown> = {}) => ({
  title,
  summary: "",
  body: { type: "doc" as const, content: [step("Check the dashboard"), step("Roll back"), step("Tell support")] },
  ownerTeamId: null,
  serviceIds: [],
  incidentKinds: [],
  severityIds: [],
  alertMatchers: [],
  reviewIntervalDays: 90,
  note: "",
  ...overrides,
});
const declare = (overrides: Record<string, unknown> = {}) =>
  declareIncident({ ctx: as(lead), input: { title: "Checkout 5xx", severityId: 2, kind: "incident", summary: "", serviceIds: [checkout.id], isPrivate: false, ...overrides } });

beforeAll(async () => {
  database = await createTestDatabase();
  lead = await createActor(database.db, "responder", "Lee Lead");
  helper = await createActor(database.db, "responder", "Hal Helper");
  viewer = await createActor(database.db, "viewer", "Vic Viewer");
  outsider = await createActor(database.db, "responder", "Otto Outsider");
  [checkout, search] = (await database.db
    .insert(services)
    .values([{ name: "Checkout API" }, { name: "Search" }])
    .returning({ id: services.id })) as [{ id: string }, { id: string }];
});
afterAll(() => database.close());

describe("runbooks in an incident", () => {
  it("suggests by service, alert labels, severity and kind, best first, with reasons and attached flags", async () => {
    const byService = await createRunbook({ ctx: as(lead), input: runbook("Checkout triage", { serviceIds: [checkout.id] }) });
    const byAlert = await createRunbook({
      ctx: as(lead),
      input: runbook("High error rate", {
        alertMatchers: [
          { label: "alertname", value: "HighErrorRate" },
          { label: "service", value: "checkout" },
        ],
      }),
    });
    await createRunbook({ ctx: as(lead), input: runbook("Sev1 only", { serviceIds: [checkout.id], severityIds: [1] }) });
    await createRunbook({ ctx: as(lead), input: runbook("Search only", { serviceIds: [search.id] }) });
    const drills = await createRunbook({ ctx: as(lead), input: runbook("Game day", { incidentKinds: ["drill"] }) });
    const incident = await declare();
    expect((await suggestionsForIncident({ ctx: as(viewer), input: { incidentId: incident.id } })).map((s) => [s.runbook.title, s.reasons])).toEqual([["Checkout triage", ["Linked to Checkout API"]]]);
    await attachAlert({ ctx: as(lead), input: { incidentId: incident.id, title: "Checkout error rate > 5%", labels: { alertname: "HighErrorRate", service: "checkout", env: "prod" } } });
    await attachRunbook({ ctx: as(lead), input: { incidentId: incident.id, runbookId: byService.id } });
    const suggestions = await suggestionsForIncident({ ctx: as(viewer), input: { incidentId: incident.id } });
    expect(suggestions.map((s) => [s.runbook.id, s.reasons, s.attached])).toEqual([
      [byAlert.id, ["Matches alert alertname=HighErrorRate, service=checkout"], false],
      [byService.id, ["Linked to Checkout API"], true],
    ]);
    expect(suggestions[0]?.runbook).toMatchObject({ title: "High error rate", freshness: { state: "fresh" }, services: [] });
    const drill = await declare({ kind: "drill", serviceIds: [] });
    expect((await suggestionsForIncident({ ctx: as(viewer), input: { incidentId: drill.id } })).map((s) => [s.runbook.id, s.reasons])).toEqual([[drills.id, ["For drills"]]]);
  });

  it("attaching pins the revision; ticks and notes record who and when, in order on the timeline, and mark the runbook used", async () => {
    const { id: runbookId } = await createRunbook({ ctx: as(lead), input: runbook("Checkout rollback", { serviceIds: [checkout.id] }) });
    const incident = await declare();
    const { incidentRunbookId } = await attachRunbook({ ctx: as(lead), input: { incidentId: incident.id, runbookId } });
    await expect(attachRunbook({ ctx: as(helper), input: { incidentId: incident.id, runbookId } })).rejects.toMatchObject({ kind: "conflict" });
    const steps = (await getRunbook({ ctx: as(lead), input: { id: runbookId } })).steps;
    // An edit after attaching does not change the run's steps.
    await updateRunbook({
      ctx: as(lead),
      input: { id: runbookId, baseRevision: 1, ...runbook("Checkout rollback", { serviceIds: [checkout.id], body: { type: "doc", content: [step("Something else")] } }) },
    });
    const t1 = new Date(now.getTime() + 60_000);
    await setStep({ ctx: as(helper, t1), input: { incidentRunbookId, stepId: steps[0]!.id, done: true } });
    await setStep({ ctx: as(lead, t1), input: { incidentRunbookId, stepId: steps[0]!.id, done: true } });
    await setStep({ ctx: as(lead, t1), input: { incidentRunbookId, stepId: steps[1]!.id, done: true } });
    await setStepNote({ ctx: as(lead, t1), input: { incidentRunbookId, stepId: steps[1]!.id, note: "Rolled back to v41" } });
    await setStep({ ctx: as(lead, t1), input: { incidentRunbookId, stepId: steps[1]!.id, done: false } });
    await expect(setStep({ ctx: as(lead), input: { incidentRunbookId, stepId: "s-nope", done: true } })).rejects.toMatchObject({ kind: "not_found" });
    const [run] = await attachedToIncident({ ctx: as(viewer), input: { incidentId: incident.id } });
    expect(run).toMatchObject({ runbook: { id: runbookId, title: "Checkout rollback" }, revision: 1, attachedBy: { name: "Lee Lead" }, progress: { done: 1, total: 3 } });
    expect(run?.steps.map((s) => [s.text, s.done, s.doneBy?.name ?? null, s.doneAt, s.note])).toEqual([
      ["Check the dashboard", true, "Hal Helper", t1, ""],
      ["Roll back", false, null, null, "Rolled back to v41"],
      ["Tell support", false, null, null, ""],
    ]);
    const events = await getTimeline({ ctx: as(viewer), input: { incidentId: incident.id, kinds: ["runbook.attached", "runbook.step_done", "runbook.step_undone", "runbook.step_noted"] } });
    expect(events.map((e) => [e.kind, e.actor?.name, describeEvent(e)])).toEqual([
      ["runbook.attached", "Lee Lead", "Runbook attached: Checkout rollback (revision 1)"],
      ["runbook.step_done", "Hal Helper", "Checkout rollback: step 1/3 done — Check the dashboard"],
      ["runbook.step_done", "Lee Lead", "Checkout rollback: step 2/3 done — Roll back"],
      ["runbook.step_noted", "Lee Lead", 'Checkout rollback: note on "Roll back"'],
      ["runbook.step_undone", "Lee Lead", "Checkout rollback: step 2/3 unticked — Roll back"],
    ]);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
    expect(events[3]?.body).toBe("Rolled back to v41");
    const [row] = await database.db.select({ lastUsedAt: runbooks.lastUsedAt }).from(runbooks).where(eq(runbooks.id, runbookId));
    expect(row?.lastUsedAt).toEqual(t1);
    // Ticking does not need (or bump) the incident version, so a commander's open form is not made stale.
    const [after] = await database.db.select({ version: incidents.version }).from(incidents).where(eq(incidents.id, incident.id));
    expect(after?.version).toBe(1);
  });

  it("steps can still be ticked once resolved, but a closed incident's run is final until it is reopened", async () => {
    const { id: runbookId } = await createRunbook({ ctx: as(lead), input: runbook("Clean-up after recovery", { serviceIds: [checkout.id] }) });
    const other = await createRunbook({ ctx: as(lead), input: runbook("Attached too late") });
    const incident = await declare();
    const { incidentRunbookId } = await attachRunbook({ ctx: as(lead), input: { incidentId: incident.id, runbookId } });
    const [first, second] = (await getRunbook({ ctx: as(lead), input: { id: runbookId } })).steps;
    await changeStatus({ ctx: as(lead), input: { incidentId: incident.id, expectedVersion: 1, to: "resolved" } });
    await setStep({ ctx: as(lead), input: { incidentRunbookId, stepId: first!.id, done: true } });
    await changeStatus({ ctx: as(lead), input: { incidentId: incident.id, expectedVersion: 2, to: "closed" } });

    const refusals = [
      () => setStep({ ctx: as(lead), input: { incidentRunbookId, stepId: second!.id, done: true } }),
      () => setStep({ ctx: as(lead), input: { incidentRunbookId, stepId: first!.id, done: false } }),
      () => setStepNote({ ctx: as(lead), input: { incidentRunbookId, stepId: first!.id, note: "late" } }),
      () => attachRunbook({ ctx: as(lead), input: { incidentId: incident.id, runbookId: other.id } }),
    ];
    for (const refusal of refusals) await expect(refusal()).rejects.toMatchObject({ kind: "invalid", message: expect.stringMatching(/closed, so its runbook steps are final\. Reopen/) });
    const [run] = await attachedToIncident({ ctx: as(lead), input: { incidentId: incident.id } });
    expect(run?.steps.map((s) => [s.done, s.note])).toEqual([
      [true, ""],
      [false, ""],
      [false, ""],
    ]);

    await changeStatus({ ctx: as(lead), input: { incidentId: incident.id, expectedVersion: 3, to: "investigating" } });
    await setStep({ ctx: as(lead), input: { incidentRunbookId, stepId: second!.id, done: true } });
    expect((await attachedToIncident({ ctx: as(lead), input: { incidentId: incident.id } }))[0]?.progress).toEqual({ done: 2, total: 3 });
  });

  it("asks for feedback once resolved, records it on the timeline, and stops asking", async () => {
    const { id: runbookId } = await createRunbook({ ctx: as(lead), input: runbook("Feedback me", { serviceIds: [checkout.id] }) });
    const incident = await declare();
    await attachRunbook({ ctx: as(lead), input: { incidentId: incident.id, runbookId } });
    expect(await pendingFeedback({ ctx: as(helper), input: { incidentId: incident.id } })).toEqual([]);
    await changeStatus({ ctx: as(lead), input: { incidentId: incident.id, expectedVersion: 1, to: "resolved" } });
    expect((await pendingFeedback({ ctx: as(helper), input: { incidentId: incident.id } })).map((p) => p.runbook.title)).toEqual(["Feedback me"]);
    await giveFeedback({ ctx: as(helper), input: { runbookId, incidentId: incident.id, helpful: false, comment: "Dashboard link is dead" } });
    await giveFeedback({ ctx: as(helper), input: { runbookId, incidentId: incident.id, helpful: true, comment: "" } });
    expect(await pendingFeedback({ ctx: as(helper), input: { incidentId: incident.id } })).toEqual([]);
    expect(await pendingFeedback({ ctx: as(lead), input: { incidentId: incident.id } })).toHaveLength(1);
    expect((await getRunbook({ ctx: as(viewer), input: { id: runbookId } })).feedback).toMatchObject({ helpful: 1, unhelpful: 0 });
    const events = await getTimeline({ ctx: as(viewer), input: { incidentId: incident.id, kinds: ["runbook.rated"] } });
    expect(events.map((e) => [describeEvent(e), e.body])).toEqual([
      ["Runbook Feedback me was not helpful", "Dashboard link is dead"],
      ["Runbook Feedback me was helpful", null],
    ]);
    const other = await createRunbook({ ctx: as(lead), input: runbook("Not used here") });
    await expect(giveFeedback({ ctx: as(helper), input: { runbookId: other.id, incidentId: incident.id, helpful: true, comment: "" } })).rejects.toMatchObject({ kind: "invalid" });
  });

  it("viewers cannot act; outsiders of a private incident get NOT FOUND on every incident-side procedure", async () => {
    const { id: runbookId } = await createRunbook({ ctx: as(lead), input: runbook("Secret ops", { serviceIds: [checkout.id] }) });
    const secret = await declare({ isPrivate: true });
    const { incidentRunbookId } = await attachRunbook({ ctx: as(lead), input: { incidentId: secret.id, runbookId } });
    const { steps } = await getRunbook({ ctx: as(lead), input: { id: runbookId } });
    const incidentId = secret.id;
    const stepId = steps[0]!.id;
    const queries = [
      ["suggestionsForIncident", { incidentId }],
      ["attachedToIncident", { incidentId }],
      ["pendingFeedback", { incidentId }],
      ["alertsForIncident", { incidentId }],
    ] as const;
    const mutations = [
      ["attach", { incidentId, runbookId }],
      ["setStep", { incidentRunbookId, stepId, done: true }],
      ["setStepNote", { incidentRunbookId, stepId, note: "x" }],
      ["giveFeedback", { runbookId, incidentId, helpful: true, comment: "" }],
      ["attachAlert", { incidentId, title: "x", labels: {} }],
    ] as const;
    for (const [name, input] of queries) expect((await callProcedure(database.db, outsider, `runbooks.${name}`, input, "query")).error?.data.code, name).toBe("NOT_FOUND");
    for (const [name, input] of mutations) expect((await callProcedure(database.db, outsider, `runbooks.${name}`, input, "mutation")).error?.data.code, name).toBe("NOT_FOUND");
    for (const [name, input] of mutations) expect((await callProcedure(database.db, viewer, `runbooks.${name}`, input, "mutation")).error?.data.code, name).toBe("FORBIDDEN");
    expect((await callProcedure(database.db, lead, "runbooks.attachedToIncident", { incidentId }, "query")).status).toBe(200);
    const alerts = await callProcedure(database.db, lead, "runbooks.alertsForIncident", { incidentId }, "query");
    expect(alerts.data).toEqual([]);
  });
});
