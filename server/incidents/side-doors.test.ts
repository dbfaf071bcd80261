// Side doors into a private incident: every way of naming it (or something inside it) by id or number
// answers an outsider exactly as if it did not exist, and no write lets someone grant what they could not.
// Calls the real tRPC HTTP handler, so codes and messages are what a browser receives.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Actor } from "@/server/context";
import { createActionItem } from "@/server/action-items/create";
import { startPostMortem } from "@/server/post-mortems/start";
import { attachRunbook } from "@/server/runbooks/attach";
import { createRunbook } from "@/server/runbooks/create";
import { giveFeedback } from "@/server/runbooks/give-feedback";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase } from "@/test/database";
import { callProcedure, type CallResult } from "@/test/trpc-call";
import { declareIncident } from "./declare";

let database: Database;
let owner: Actor;
let outsider: Actor;
let viewer: Actor;
let secret: { id: string; number: number };
let runbookId: string;
let runId: string;
let stepId: string;
let postMortemId: string;

const step = (text: string) => ({ type: "runbookStep", content: [{ type: "text", text }] });
const declare = async (as: Actor, isPrivate: boolean) => {
  const { id, reference } = await declareIncident({ ctx: contextFor(database.db, as), input: { title: "Key leak", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate } });
  return { id, number: Number(reference.slice(4)) };
};
const call = (as: Actor, path: string, input: unknown, kind: "query" | "mutation" = "mutation") => callProcedure(database.db, as, path, input, kind);
const answer = (result: CallResult) => ({ status: result.status, code: result.error?.data.code, message: result.error?.message });

beforeAll(async () => {
  database = await createTestDatabase();
  owner = await createActor(database.db, "responder", "Pia Private");
  outsider = await createActor(database.db, "responder", "Otto Outside");
  viewer = await createActor(database.db, "viewer", "Vera Viewer");
  secret = await declare(owner, true);
  const ctx = contextFor(database.db, owner);
  const runbook = await createRunbook({
    ctx,
    input: {
      title: "Rotate keys",
      summary: "",
      body: { type: "doc", content: [step("Revoke the key"), step("Issue a new one")] },
      ownerTeamId: null,
      serviceIds: [],
      incidentKinds: [],
      severityIds: [],
      alertMatchers: [],
      reviewIntervalDays: 90,
      note: "",
    },
  });
  runbookId = runbook.id;
  runId = (await attachRunbook({ ctx, input: { incidentId: secret.id, runbookId } })).incidentRunbookId;
  const attached = await call(owner, "runbooks.attachedToIncident", { incidentId: secret.id }, "query");
  stepId = (attached.data as { steps: { id: string }[] }[])[0]!.steps[0]!.id;
  // The owner declared, so commands it, so may start its post-mortem at once.
  postMortemId = (await startPostMortem({ ctx, input: { incidentId: secret.id } })).id;
});
afterAll(() => database.close());

describe("a private incident named by number or by something inside it", () => {
  it("cannot be a merge target for an outsider, who is told the same as for a number never used", async () => {
    const mine = await declare(outsider, false);
    const hidden = await call(outsider, "incidents.changeStatus", { incidentId: mine.id, expectedVersion: 1, to: "merged", reason: "Same thing", mergedIntoNumber: secret.number });
    const missing = await call(outsider, "incidents.changeStatus", { incidentId: mine.id, expectedVersion: 1, to: "merged", reason: "Same thing", mergedIntoNumber: 999_999 });
    expect(answer(hidden)).toEqual(answer(missing));
    expect(hidden.status).toBe(400);
    // Nothing happened: the outsider's incident is still in triage and points nowhere.
    const after = await call(outsider, "incidents.get", { incidentId: mine.id }, "query");
    expect(after.data).toMatchObject({ status: "triage", mergedInto: null, version: 1 });
    // A participant may still merge into it.
    const ownCopy = await declare(owner, false);
    const allowed = await call(owner, "incidents.changeStatus", { incidentId: ownCopy.id, expectedVersion: 1, to: "merged", reason: "Same thing", mergedIntoNumber: secret.number });
    expect(allowed.status).toBe(200);
  });

  it("answers action item creation against its post-mortem exactly as against a post-mortem that does not exist", async () => {
    const input = (id: string) => ({ title: "Rotate every key", ownerId: outsider.id, postMortemId: id });
    const hidden = await call(outsider, "actionItems.create", input(postMortemId));
    const missing = await call(outsider, "actionItems.create", input(randomUUID()));
    expect(answer(hidden)).toEqual(answer(missing));
    expect(hidden.status).toBe(404);
    const mine = await call(outsider, "actionItems.list", { scope: "mine" }, "query");
    expect(mine.data).toEqual([]);
  });

  it("answers a step of its runbook run exactly as a run that does not exist, for ticks and notes", async () => {
    for (const [path, extra] of [
      ["runbooks.setStep", { done: true }],
      ["runbooks.setStepNote", { note: "done" }],
    ] as const) {
      const hidden = await call(outsider, path, { incidentRunbookId: runId, stepId, ...extra });
      const missing = await call(outsider, path, { incidentRunbookId: randomUUID(), stepId, ...extra });
      expect(answer(hidden), path).toEqual(answer(missing));
      expect(hidden.status, path).toBe(404);
    }
    const run = await call(owner, "runbooks.attachedToIncident", { incidentId: secret.id }, "query");
    expect((run.data as { progress: { done: number } }[])[0]!.progress.done).toBe(0);
  });

  it("cannot be opened to someone by reassigning an action item: that takes the right to add participants", async () => {
    const item = await createActionItem({
      ctx: contextFor(database.db, owner),
      input: { title: "Audit key usage", description: "", ownerId: viewer.id, incidentId: secret.id, priority: "medium", kind: "prevent" },
    });
    // The viewer now takes part (owning work on it) but may not add people…
    expect((await call(viewer, "incidents.addParticipant", { incidentId: secret.id, userId: outsider.id })).status).toBe(403);
    // …so neither may they hand the item to an outsider, which would add them.
    const handOver = await call(viewer, "actionItems.update", { actionItemIds: [item.id], ownerId: outsider.id });
    expect(handOver.status).toBe(403);
    expect(handOver.error?.message).toMatch(/does not take part in this incident/);
    expect((await call(outsider, "incidents.get", { incidentId: secret.id }, "query")).status).toBe(404);
    const still = await call(viewer, "actionItems.list", { scope: "mine" }, "query");
    expect((still.data as { id: string }[]).map((i) => i.id)).toContain(item.id);
    // Handing it to someone already on the incident is theirs to do.
    expect((await call(viewer, "actionItems.update", { actionItemIds: [item.id], ownerId: owner.id })).status).toBe(200);
  });

  it("is not opened to a reviewer by naming them: a reviewer must already be able to read it", async () => {
    const named = await call(owner, "postMortems.requestReview", { postMortemId, reviewerIds: [outsider.id] });
    expect(named.status).toBe(400);
    expect(named.error?.message).toMatch(/Otto Outside does not take part in this private incident/);
    const postMortem = await call(owner, "postMortems.get", { postMortemId }, "query");
    expect(postMortem.data).toMatchObject({ status: "draft", reviews: [] });
    expect((await call(outsider, "postMortems.get", { postMortemId }, "query")).status).toBe(404);
  });

  it("does not show up in a runbook's feedback counts, freshness or last use for people who cannot see it", async () => {
    await giveFeedback({ ctx: contextFor(database.db, owner), input: { runbookId, incidentId: secret.id, helpful: false, comment: "" } });
    const seen = await call(owner, "runbooks.get", { id: runbookId }, "query");
    const unseen = await call(outsider, "runbooks.get", { id: runbookId }, "query");
    type Detail = { feedback: { unhelpful: number }; freshness: { state: string; reasons: string[] }; lastUsedAt: Date | null };
    expect((seen.data as Detail).feedback.unhelpful).toBe(1);
    expect((seen.data as Detail).freshness.reasons.join()).toMatch(/not helpful/);
    expect((unseen.data as Detail).feedback.unhelpful).toBe(0);
    expect((unseen.data as Detail).freshness).toEqual({ state: "fresh", reasons: [] });
    // Its use (attached, steps ticked) is not theirs to see either.
    expect((seen.data as Detail).lastUsedAt).toBeInstanceOf(Date);
    expect((unseen.data as Detail).lastUsedAt).toBeNull();
    const listed = await call(outsider, "runbooks.list", {}, "query");
    expect((listed.data as { items: Detail[] }).items[0]!.freshness.state).toBe("fresh");
  });
});
