// Followers hear of what happens to an incident they follow, or to an incident touching a service they
// follow: a notification behind the bell and an email (the reminder email outbox sends it). Written in
// the dispatcher's transaction, beside the channel deliveries, so each event reaches each follower
// once. Who may read a private incident is decided here, when the message goes out: someone who
// followed it and was later taken off it hears nothing more.
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type OutgoingEventType, outgoingEventTypes } from "@/db/enums";
import { follows, incidentParticipants, isPerson, notifications, reminderDeliveries, services, users } from "@/db/schema";
import type { OutgoingEvent } from "@/lib/outgoing-events";
import { can } from "@/server/auth/can";
import type { SnapshotWithFilters } from "@/server/channels/snapshot";
import { summarize } from "@/server/channels/formats/summary";
import { appUrl } from "@/server/reminders/dates";

/** What followers hear of: the incident's own story, not alerts or action items (those have owners). */
export const followedEventTypes: readonly OutgoingEventType[] = outgoingEventTypes.filter((type) => type !== "action_item.overdue" && type !== "alert.critical_received");

type Source = { outboxId: number; type: OutgoingEventType; actorId: string | null };
type Follower = { id: string; role: (typeof users.$inferSelect)["role"]; email: string; why: string };

async function followersOf(db: DbOrTx, incident: SnapshotWithFilters): Promise<Follower[]> {
  const matches = [eq(follows.incidentId, incident.snapshot.id)];
  if (incident.serviceIds.length) matches.push(inArray(follows.serviceId, incident.serviceIds));
  const rows = await db
    .select({ id: users.id, role: users.role, email: users.email, service: services.name })
    .from(follows)
    .innerJoin(users, eq(users.id, follows.userId))
    .leftJoin(services, eq(services.id, follows.serviceId))
    .where(and(or(...matches), isNull(users.deactivatedAt), isPerson));
  // One message per person, however many of their follows match; the incident itself names it best.
  const byPerson = new Map<string, Follower>();
  for (const row of rows) {
    const why = row.service ? `you follow the service ${row.service}` : `you follow ${incident.snapshot.reference}`;
    const known = byPerson.get(row.id);
    if (!known || !row.service) byPerson.set(row.id, { id: row.id, role: row.role, email: row.email, why });
  }
  return [...byPerson.values()];
}

/** Tells the followers who may see the incident, except whoever caused the event; returns how many. */
export async function notifyFollowers(db: DbOrTx, source: Source, event: OutgoingEvent, incident: SnapshotWithFilters, now: Date): Promise<number> {
  if (!followedEventTypes.includes(source.type)) return 0;
  const candidates = (await followersOf(db, incident)).filter((person) => person.id !== source.actorId);
  if (candidates.length === 0) return 0;
  const { isPrivate } = incident.snapshot;
  const participants = isPrivate
    ? new Set((await db.select({ userId: incidentParticipants.userId }).from(incidentParticipants).where(eq(incidentParticipants.incidentId, incident.snapshot.id))).map((row) => row.userId))
    : new Set<string>();
  const readers = candidates.filter((person) => can(person, "incident.read", { isPrivate, isParticipant: participants.has(person.id) }));
  if (readers.length === 0) return 0;

  const summary = summarize(event);
  const href = new URL(summary.link.url).pathname;
  const facts = summary.facts.map((fact) => `${fact.label}: ${fact.value}`);
  const inserted = await db
    .insert(notifications)
    .values(readers.map((person) => ({ userId: person.id, kind: "follow", title: summary.headline, body: summary.detail ?? facts.join(" · "), href, createdAt: now })))
    .returning({ id: notifications.id, userId: notifications.userId });
  const notificationOf = new Map(inserted.map((row) => [row.userId, row.id]));
  const subject = summary.headline.replace(/[\r\n]+/g, " ").slice(0, 200);
  await db
    .insert(reminderDeliveries)
    .values(
      readers.map((person) => ({
        ruleKey: `follow:${source.outboxId}:${person.id}`,
        userId: person.id,
        notificationId: notificationOf.get(person.id) ?? null,
        emailTo: person.email,
        emailSubject: subject,
        emailText: [
          summary.headline,
          "",
          ...facts,
          ...(summary.detail ? ["", summary.detail] : []),
          "",
          `${summary.link.label}: ${summary.link.url}`,
          "",
          `You get this because ${person.why}. Stop following: ${appUrl("/settings/following")}`,
        ].join("\n"),
        emailNextAttemptAt: now,
        data: { outboxId: source.outboxId, type: source.type, incidentId: incident.snapshot.id },
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: reminderDeliveries.ruleKey });
  return readers.length;
}
