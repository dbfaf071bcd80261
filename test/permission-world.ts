// The workspace the permission matrix runs against: one person per actor kind, a private incident
// they (but the outsider) take part in, and factories for fresh things a successful write may use up.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { incidentParticipants, notifications, teamMembers } from "@/db/schema";
import type { Actor } from "@/server/context";
import { createActionItem } from "@/server/action-items/create";
import { assignRole } from "@/server/incidents/assign-role";
import { changeStatus } from "@/server/incidents/change-status";
import { declareIncident } from "@/server/incidents/declare";
import { getTimeline } from "@/server/incidents/timeline";
import { createTemplate } from "@/server/post-mortems/create-template";
import { publishPostMortem } from "@/server/post-mortems/publish";
import { decideReview, requestReview } from "@/server/post-mortems/review";
import { startPostMortem } from "@/server/post-mortems/start";
import { attachRunbook } from "@/server/runbooks/attach";
import { attachedToIncident } from "@/server/runbooks/attached";
import { createRunbook } from "@/server/runbooks/create";
import { updateRunbook } from "@/server/runbooks/update";
import { createTeam } from "@/server/teams/create";
import { contextFor, createActor } from "./actors";

export const actorKinds = ["signedOut", "viewer", "responder", "admin", "outsider"] as const;
export type ActorKind = (typeof actorKinds)[number];

export type PrivateIncident = { id: string; number: number; firstEventId: number };

const step = (text: string) => ({ type: "runbookStep", content: [{ type: "text", text }] });
export const runbookInput = (title = `Runbook ${randomUUID().slice(0, 8)}`) => ({
  title,
  summary: "",
  body: { type: "doc" as const, content: [step("Look"), step("Fix")] },
  ownerTeamId: null,
  serviceIds: [],
  incidentKinds: [],
  severityIds: [],
  alertMatchers: [],
  reviewIntervalDays: 90,
  note: "",
});

export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * `owner` declares (and commands) the private incidents; `viewer` and `responder` are added to each
 * as participants, so their answers show what their role may do there; `outsider` is a responder
 * who is not on them; `admin` sees everything.
 */
export async function buildWorld(db: Db) {
  const people = {
    owner: await createActor(db, "responder", "Owen Owner"),
    viewer: await createActor(db, "viewer", "Vi Viewer"),
    responder: await createActor(db, "responder", "Rae Responder"),
    admin: await createActor(db, "admin", "Ada Admin"),
    outsider: await createActor(db, "responder", "Ozzy Outsider"),
    target: await createActor(db, "viewer", "Tara Target"),
  };
  const as = (actor: Actor) => contextFor(db, actor);
  const byOwner = as(people.owner);
  const byAdmin = as(people.admin);

  async function privateIncident(): Promise<PrivateIncident> {
    const { id, reference } = await declareIncident({ ctx: byOwner, input: { title: "Secret matter", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: true } });
    await db.insert(incidentParticipants).values([people.viewer, people.responder].map((p) => ({ incidentId: id, userId: p.id, addedById: people.owner.id })));
    const [first] = await getTimeline({ ctx: byOwner, input: { incidentId: id } });
    return { id, number: Number(reference.slice(4)), firstEventId: first!.id };
  }
  async function privateIncidentWithScribe() {
    const incident = await privateIncident();
    await assignRole({ ctx: byOwner, input: { incidentId: incident.id, expectedVersion: 1, roleKey: "scribe" } });
    return incident;
  }
  /** In review: the responder and the admin are its reviewers. Approved: in review, approved by its one reviewer (the owner). */
  async function postMortem(stage: "draft" | "in_review" | "approved" | "published" = "draft") {
    const incident = await privateIncident();
    const { id } = await startPostMortem({ ctx: byOwner, input: { incidentId: incident.id } });
    if (stage === "draft") return id;
    const reviewers = stage === "in_review" ? [people.responder.id, people.admin.id] : [people.owner.id];
    await requestReview({ ctx: byOwner, input: { postMortemId: id, reviewerIds: reviewers } });
    if (stage === "in_review") return id;
    await decideReview({ ctx: byOwner, input: { postMortemId: id, decision: "approved" } });
    if (stage === "published") await publishPostMortem({ ctx: byOwner, input: { postMortemId: id } });
    return id;
  }
  async function runbook() {
    return createRunbook({ ctx: byOwner, input: runbookInput() });
  }
  async function run() {
    const incident = await privateIncident();
    const { id: runbookId } = await runbook();
    const { incidentRunbookId } = await attachRunbook({ ctx: byOwner, input: { incidentId: incident.id, runbookId } });
    const [attached] = await attachedToIncident({ ctx: byOwner, input: { incidentId: incident.id } });
    return { incident, runbookId, incidentRunbookId, stepId: attached!.steps[0]!.id };
  }
  async function actionItem() {
    const incident = await privateIncident();
    const { id } = await createActionItem({ ctx: byOwner, input: { title: "Follow up", description: "", ownerId: people.owner.id, incidentId: incident.id, priority: "medium", kind: "prevent" } });
    return id;
  }
  async function notificationFor(actor: Actor | null) {
    const [row] = await db
      .insert(notifications)
      .values({ userId: (actor ?? people.owner).id, kind: "test", title: "Hello" })
      .returning({ id: notifications.id });
    return row!.id;
  }
  async function team(withMember?: Actor) {
    const created = await createTeam({ ctx: byAdmin, input: { name: `Team ${randomUUID().slice(0, 8)}`, description: "" } });
    if (withMember) await db.insert(teamMembers).values({ teamId: created.id, userId: withMember.id, isLead: false });
    return created.id;
  }
  async function template() {
    return (await createTemplate({ ctx: byAdmin, input: { name: `Template ${randomUUID().slice(0, 8)}`, sections: [{ title: "What happened", guidance: "" }] } })).id;
  }
  async function resolvedPrivateIncident() {
    const incident = await privateIncident();
    await changeStatus({ ctx: byOwner, input: { incidentId: incident.id, expectedVersion: 1, to: "resolved" } });
    return incident;
  }
  async function runbookWithTwoRevisions() {
    const created = await runbook();
    await updateRunbook({ ctx: byOwner, input: { id: created.id, baseRevision: 1, ...runbookInput(), note: "Second" } });
    return created.id;
  }

  // Shared things for reads; writes use the factories, so one actor's success never changes another's answer.
  const shared = {
    incident: await privateIncident(),
    postMortem: await postMortem(),
    runbook: await runbookWithTwoRevisions(),
  };
  await attachRunbook({ ctx: byOwner, input: { incidentId: shared.incident.id, runbookId: shared.runbook } });

  return {
    people,
    shared,
    fresh: { privateIncident, privateIncidentWithScribe, resolvedPrivateIncident, postMortem, runbook, runbookWithTwoRevisions, run, actionItem, notificationFor, team, template },
  };
}

/** Every public table's rows, hashed in one statement: equal before and after means nothing was written. */
export async function databaseChecksum(db: Db): Promise<string> {
  // Both drivers answer { rows }; drizzle types the result per driver, so it is read as that.
  const rows = async <T>(query: ReturnType<typeof sql.raw>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  const tables = await rows<{ name: string }>(sql.raw(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`));
  const parts = tables.map((t) => `(select count(*) || ':' || coalesce(md5(string_agg(r::text, ',' order by r::text)), '') from public."${t.name}" r)`);
  const [result] = await rows<{ sum: string }>(sql.raw(`select concat_ws('|', ${parts.join(", ")}) as sum`));
  return result!.sum;
}
