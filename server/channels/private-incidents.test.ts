// A private incident's content never reaches a channel unless the channel is marked for private
// incidents AND is restricted to a team one of the incident's participants belongs to ("only its
// participants' channels get it") — for every event type a private incident can produce.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { incidentParticipants, notificationChannels, services, workspace } from "@/db/schema";
import { type OutgoingEventType, outgoingEventTypes } from "@/db/enums";
import { attachToIncident } from "@/server/alerts/routing/attach";
import { createAlertSource } from "@/server/alerts/sources/create";
import { seal } from "@/server/crypto/secret-box";
import { assignRole } from "@/server/incidents/assign-role";
import { changeStatus } from "@/server/incidents/change-status";
import { declareIncident } from "@/server/incidents/declare";
import { postStatusUpdate } from "@/server/incidents/post-status-update";
import { updateIncident } from "@/server/incidents/update";
import { publishPostMortem } from "@/server/post-mortems/publish";
import { decideReview, requestReview } from "@/server/post-mortems/review";
import { startPostMortem } from "@/server/post-mortems/start";
import { sendOverdueReminders } from "@/server/reminders/overdue";
import { contextFor, createActor } from "@/test/actors";
import { storeGenericAlert } from "@/test/alert-rows";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createItem, createTeam } from "@/test/reminder-fixtures";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import { deliverDue } from "./deliver";
import { dispatchOutbox } from "./dispatch";
import { generateWebhookSecret } from "./signing";

let database: TestDatabase;
const receivers: Record<"publicOnly" | "privateAnyTeam" | "participantsTeam" | "servicesTeam", WebhookReceiver> = {} as never;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  database = await createTestDatabase();
  for (const name of ["publicOnly", "privateAnyTeam", "participantsTeam", "servicesTeam"] as const) receivers[name] = await startWebhookReceiver();
  await database.db
    .update(workspace)
    .set({ outboundAllowHosts: ["127.0.0.1"] })
    .where(eq(workspace.id, 1));
});
afterAll(async () => {
  await Promise.all(Object.values(receivers).map((receiver) => receiver?.close()));
  await database?.close();
  vi.unstubAllEnvs();
});

async function channel(receiver: WebhookReceiver, name: string, settings: { includePrivate: boolean; teamIds: string[] }) {
  await database.db.insert(notificationChannels).values({
    name,
    kind: "webhook",
    targetSealed: seal(receiver.url),
    targetHint: "127.0.0.1",
    secretSealed: seal(generateWebhookSecret(randomBytes(24))),
    eventTypes: [...outgoingEventTypes],
    ...settings,
  });
}

it("tells only a private-incident channel of a team someone on the incident belongs to, whatever happens to it", async () => {
  const owner = contextFor(database.db, await createActor(database.db, "responder"));
  const other = await createActor(database.db, "responder");
  const bystander = await createActor(database.db, "responder");
  // The owner and `other` are on the incident; the bystander's team owns the affected service but
  // nobody of it is on the incident.
  const participantsTeam = await createTeam(database.db, other, [owner.actor]);
  const servicesTeam = await createTeam(database.db, bystander);
  const [service] = await database.db.insert(services).values({ name: "Billing ledger", ownerTeamId: servicesTeam }).returning();
  await channel(receivers.publicOnly, "Public only", { includePrivate: false, teamIds: [] });
  await channel(receivers.privateAnyTeam, "Private, no team", { includePrivate: true, teamIds: [] });
  await channel(receivers.participantsTeam, "Private, participants' team", { includePrivate: true, teamIds: [participantsTeam] });
  await channel(receivers.servicesTeam, "Private, service owners' team", { includePrivate: true, teamIds: [servicesTeam] });

  const { id } = await declareIncident({ ctx: owner, input: { title: "Acquisition talks leak", severityId: 3, kind: "incident", summary: "", serviceIds: [service!.id], isPrivate: true } });
  await database.db.insert(incidentParticipants).values({ incidentId: id, userId: other.id, addedById: owner.actor.id });

  let incident = await updateIncident({ ctx: owner, input: { incidentId: id, expectedVersion: 1, severityId: 1 } });
  await postStatusUpdate({ ctx: owner, input: { incidentId: id, body: "Legal is on it." } });
  incident = await assignRole({ ctx: owner, input: { incidentId: id, expectedVersion: incident.version, roleKey: "commander", userId: other.id } });
  const source = (await createAlertSource({ ctx: contextFor(database.db, await createActor(database.db, "admin")), input: { name: "Grafana", kind: "generic" } })).source;
  const alert = await storeGenericAlert(database.db, source, { title: "Unusual data export", deduplication_key: "export", metadata: { severity: "info" } });
  await database.db.transaction((tx) => attachToIncident(tx, id, { id: alert.id, title: "Unusual data export", labels: {}, tier: "critical", startedAt: new Date() }, source, new Date(), false));
  await changeStatus({ ctx: owner, input: { incidentId: id, expectedVersion: incident.version, to: "resolved" } });
  const { id: postMortemId } = await startPostMortem({ ctx: owner, input: { incidentId: id } });
  await requestReview({ ctx: owner, input: { postMortemId, reviewerIds: [other.id] } });
  await decideReview({ ctx: contextFor(database.db, other), input: { postMortemId, decision: "approved" } });
  await publishPostMortem({ ctx: owner, input: { postMortemId } });
  await createItem(database.db, { owner: owner.actor, incidentId: id, title: "Rotate the leaked credentials", dueAt: new Date(Date.now() - 86_400_000) });
  await sendOverdueReminders(database.db, new Date());
  while ((await dispatchOutbox(database.db)) > 0);
  while ((await deliverDue(database.db, { mailer: null })) > 0);

  const types = (receiver: WebhookReceiver) => receiver.received.map((r) => (JSON.parse(r.body) as { type: OutgoingEventType }).type).sort();
  expect(types(receivers.publicOnly)).toEqual([]);
  expect(types(receivers.privateAnyTeam)).toEqual([]);
  expect(types(receivers.servicesTeam)).toEqual([]);
  expect(types(receivers.participantsTeam)).toEqual([...outgoingEventTypes].sort());
});
