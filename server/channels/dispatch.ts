// Turns outbox rows into one delivery per (channel, event): the rows are locked SKIP LOCKED (several
// processes share the work), their deliveries inserted and the rows deleted in one transaction, so an
// event is fanned out exactly once even if a process dies half-way. Followers' notifications are
// written in the same transaction (server/follows/fan-out.ts).
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type NotificationChannel, notificationChannels, notificationDeliveries, notificationOutbox, postMortems } from "@/db/schema";
import type { OutgoingEvent } from "@/lib/outgoing-events";
import { followedEventTypes, notifyFollowers } from "@/server/follows/fan-out";
import { appUrl } from "@/server/reminders/dates";
import { incidentSnapshot, type SnapshotWithFilters } from "./snapshot";

const BATCH = 100;

export const newDeliveryId = () => `msg_${randomBytes(16).toString("base64url")}`;

type OutboxRow = typeof notificationOutbox.$inferSelect;

/** Whether a channel wants this event about this incident (null: not about an incident). */
export function channelWants(channel: NotificationChannel, type: OutboxRow["type"], incident: SnapshotWithFilters | null): boolean {
  if (!channel.isEnabled || channel.deletedAt || !channel.eventTypes.includes(type)) return false;
  if (!incident) return true;
  const { snapshot } = incident;
  // A private incident goes only to channels marked for private incidents whose teams one of its
  // participants belongs to: the teams of the people on it, never the teams owning its services.
  if (snapshot.isPrivate && !(channel.includePrivate && channel.teamIds.some((id) => incident.participantTeamIds.includes(id)))) return false;
  if (channel.drills === "exclude" && snapshot.kind === "drill") return false;
  if (channel.drills === "only" && snapshot.kind !== "drill") return false;
  if (channel.maxSeverityRank !== null && incident.severityRank > channel.maxSeverityRank) return false;
  if (channel.serviceIds.length && !channel.serviceIds.some((id) => incident.serviceIds.includes(id))) return false;
  if (!snapshot.isPrivate && channel.teamIds.length && !channel.teamIds.some((id) => incident.teamIds.includes(id))) return false;
  return true;
}

async function eventFor(db: DbOrTx, row: OutboxRow, incident: SnapshotWithFilters | null): Promise<OutgoingEvent | null> {
  const timestamp = row.occurredAt.toISOString();
  const data = row.data;
  if (row.type === "action_item.overdue") return { type: row.type, timestamp, data: { actionItem: data.actionItem, incident: incident?.snapshot ?? null } } as OutgoingEvent;
  if (!incident) return null;
  if (row.type === "post_mortem.published") {
    const postMortemId = String(data.postMortemId ?? "");
    const [postMortem] = await db.select({ id: postMortems.id }).from(postMortems).where(eq(postMortems.id, postMortemId));
    if (!postMortem) return null;
    return {
      type: row.type,
      timestamp,
      data: {
        incident: incident.snapshot,
        postMortem: { id: postMortem.id, title: `Post-mortem of ${incident.snapshot.reference}: ${incident.snapshot.title}`, url: appUrl(`/post-mortems/${postMortem.id}`) },
      },
    };
  }
  return { type: row.type, timestamp, data: { incident: incident.snapshot, ...data } } as OutgoingEvent;
}

/** Fans out one batch; returns how many outbox rows it handled (0: nothing waiting). */
export async function dispatchOutbox(db: DbOrTx, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(notificationOutbox).orderBy(asc(notificationOutbox.id)).limit(BATCH).for("update", { skipLocked: true });
    if (rows.length === 0) return 0;
    const channels = await tx
      .select()
      .from(notificationChannels)
      .where(and(eq(notificationChannels.isEnabled, true), isNull(notificationChannels.deletedAt)));
    const snapshots = new Map<string, SnapshotWithFilters | null>();
    const deliveries: (typeof notificationDeliveries.$inferInsert)[] = [];
    for (const row of rows) {
      const wanting = channels.filter((channel) => channel.eventTypes.includes(row.type));
      const followable = row.incidentId !== null && followedEventTypes.includes(row.type);
      if (!wanting.length && !followable) continue;
      if (row.incidentId && !snapshots.has(row.incidentId)) snapshots.set(row.incidentId, await incidentSnapshot(tx, row.incidentId));
      const incident = row.incidentId ? (snapshots.get(row.incidentId) ?? null) : null;
      const event = await eventFor(tx, row, incident);
      if (!event) continue;
      if (followable && incident) await notifyFollowers(tx, { outboxId: row.id, type: row.type, actorId: row.actorId }, event, incident, now);
      for (const channel of wanting.filter((c) => channelWants(c, row.type, incident))) {
        deliveries.push({
          id: newDeliveryId(),
          channelId: channel.id,
          outboxId: row.id,
          type: row.type,
          incidentId: row.incidentId,
          payload: event as unknown as Record<string, unknown>,
          nextAttemptAt: now,
          createdAt: now,
        });
      }
    }
    if (deliveries.length) await tx.insert(notificationDeliveries).values(deliveries).onConflictDoNothing();
    await tx.delete(notificationOutbox).where(
      inArray(
        notificationOutbox.id,
        rows.map((row) => row.id),
      ),
    );
    return rows.length;
  });
}
