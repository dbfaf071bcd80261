import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postMortems } from "@/db/schema";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { getTimeline } from "@/server/incidents/timeline";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { dismissFlag, openBlameFlags } from "./blame-flags";
import { getPostMortem } from "./get";
import { publishPostMortem, reopenPostMortem } from "./publish";
import { decideReview, requestReview } from "./review";
import { startPostMortem } from "./start";

let database: TestDatabase;
let author: Actor;
let reviewerA: Actor;
let reviewerB: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  author = await createActor(database.db, "responder", "Ann Author");
  reviewerA = await createActor(database.db, "responder", "Rey Reviewer");
  reviewerB = await createActor(database.db, "admin", "Bea Reviewer");
});
afterAll(() => database.close());

const as = (actor: Actor) => contextFor(database.db, actor);

describe("review and publish", () => {
  it("draft → review → changes requested → review → approved by all → published → reopened as revision 2, all on the timeline", async () => {
    const incident = await declareIncident({ ctx: as(author), input: { title: "DNS outage", severityId: 1, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    const { id } = await startPostMortem({ ctx: as(author), input: { incidentId: incident.id } });
    const postMortemId = id;

    await expect(publishPostMortem({ ctx: as(author), input: { postMortemId } })).rejects.toMatchObject({ kind: "conflict" });
    await requestReview({ ctx: as(author), input: { postMortemId, reviewerIds: [reviewerA.id, reviewerB.id], dueAt: new Date(Date.now() + 86_400_000) } });
    expect((await getPostMortem({ ctx: as(author), input: { postMortemId } })).status).toBe("in_review");

    await expect(decideReview({ ctx: as(author), input: { postMortemId, decision: "approved" } })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(decideReview({ ctx: as(reviewerA), input: { postMortemId, decision: "changes_requested" } })).rejects.toMatchObject({ kind: "invalid", field: "comment" });
    await decideReview({ ctx: as(reviewerA), input: { postMortemId, decision: "changes_requested", comment: "Say more about the TTL." } });
    const sentBack = await getPostMortem({ ctx: as(author), input: { postMortemId } });
    expect(sentBack.status).toBe("draft");
    expect(sentBack.reviews.find((r) => r.reviewer.id === reviewerA.id)).toMatchObject({ decision: "changes_requested", comment: "Say more about the TTL." });

    await requestReview({ ctx: as(author), input: { postMortemId, reviewerIds: [reviewerA.id, reviewerB.id] } });
    await decideReview({ ctx: as(reviewerA), input: { postMortemId, decision: "approved" } });
    await expect(publishPostMortem({ ctx: as(author), input: { postMortemId } })).rejects.toThrow("Waiting for 1 reviewer to approve.");
    await decideReview({ ctx: as(reviewerB), input: { postMortemId, decision: "approved" } });
    await publishPostMortem({ ctx: as(author), input: { postMortemId } });
    const published = await getPostMortem({ ctx: as(reviewerA), input: { postMortemId } });
    expect(published).toMatchObject({ status: "published", revision: 1, canEdit: false, published: { by: "Ann Author" } });

    await reopenPostMortem({ ctx: as(author), input: { postMortemId } });
    const reopened = await getPostMortem({ ctx: as(author), input: { postMortemId } });
    expect(reopened).toMatchObject({ status: "draft", revision: 2, canEdit: true, reviews: [] });

    const kinds = (await getTimeline({ ctx: as(author), input: { incidentId: incident.id } })).map((e) => e.kind).filter((k) => k.startsWith("post_mortem."));
    expect(kinds).toEqual([
      "post_mortem.started",
      "post_mortem.review_requested",
      "post_mortem.reviewed",
      "post_mortem.review_requested",
      "post_mortem.reviewed",
      "post_mortem.reviewed",
      "post_mortem.published",
      "post_mortem.reopened",
    ]);
  });

  it("viewers cannot review", async () => {
    const viewer = await createActor(database.db, "viewer", "Val Viewer");
    const incident = await declareIncident({ ctx: as(author), input: { title: "Cache stampede", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    const { id } = await startPostMortem({ ctx: as(author), input: { incidentId: incident.id } });
    await expect(requestReview({ ctx: as(author), input: { postMortemId: id, reviewerIds: [viewer.id] } })).rejects.toMatchObject({ kind: "invalid" });
  });
});

describe("blameless check at publish", () => {
  it("publishing waits until every blaming phrase is reworded or dismissed with a reason", async () => {
    const incident = await declareIncident({ ctx: as(author), input: { title: "Config push", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    const { id: postMortemId } = await startPostMortem({ ctx: as(author), input: { incidentId: incident.id } });
    const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The outage was human error: Rey Reviewer failed to check the config." }] }] };
    await database.db.update(postMortems).set({ content }).where(eq(postMortems.id, postMortemId));
    await requestReview({ ctx: as(author), input: { postMortemId, reviewerIds: [reviewerA.id] } });
    await decideReview({ ctx: as(reviewerA), input: { postMortemId, decision: "approved" } });

    await expect(publishPostMortem({ ctx: as(author), input: { postMortemId } })).rejects.toThrow(/blaming phrases? still open/);
    const [row] = await database.db.select().from(postMortems).where(eq(postMortems.id, postMortemId));
    for (const flag of await openBlameFlags(database.db, row!)) {
      await dismissFlag({ ctx: as(author), input: { postMortemId, flagKey: flag.key, reason: "Quoted from the customer's report" } });
    }
    await publishPostMortem({ ctx: as(author), input: { postMortemId } });
    expect((await getPostMortem({ ctx: as(author), input: { postMortemId } })).status).toBe("published");
  });
});
