import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { incidentEvents, type Incident } from "@/db/schema";
import { timelineEventSchemas, type TimelineEventKind } from "@/lib/events/catalogue";
import { queueOutgoing } from "@/server/channels/outbox";
import { INCIDENT_CHANNEL, type IncidentNotification } from "@/server/live/notification";

type EventFields = { body?: string | null; occurredAt?: Date; supersedesId?: number | null };

/** One event to append: a catalogue kind with the data its schema describes, checked at compile time. */
export type EventInput = { [K in TimelineEventKind]: EventFields & { kind: K; data: z.input<(typeof timelineEventSchemas)[K]> } }[TimelineEventKind];

// The types already hold at compile time; parsing catches what they cannot (a NaN, a bad ISO time, a
// cast) before it lands for good in the append-only table. A failure is a bug, never user input.
function checkedData(event: EventInput): Record<string, unknown> {
  const parsed = timelineEventSchemas[event.kind].safeParse(event.data);
  if (!parsed.success) throw new Error(`Timeline event "${event.kind}" has data its schema refuses:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Appends events with the next sequence numbers (the caller holds the incident row lock and
 * bumps lastEventSeq), then queues a NOTIFY. Postgres delivers it at commit and drops it on
 * rollback, so listeners only ever hear about changes that happened.
 */
export async function appendEvents(tx: DbOrTx, incident: Incident, actorId: string | null, events: EventInput[], now: Date, version: number): Promise<number> {
  if (events.length === 0) return incident.lastEventSeq;
  const rows = events.map((event, index) => ({
    incidentId: incident.id,
    seq: incident.lastEventSeq + index + 1,
    version,
    kind: event.kind,
    actorId,
    occurredAt: event.occurredAt ?? now,
    data: checkedData(event),
    body: event.body ?? null,
    supersedesId: event.supersedesId ?? null,
  }));
  await tx.insert(incidentEvents).values(rows);
  await queueOutgoing(tx, incident, events, now, actorId);
  const lastSeq = incident.lastEventSeq + events.length;
  // A version bump (or a new incident) changes what lists and headers show; a note alone does not.
  const changesState = version !== incident.version || incident.lastEventSeq === 0;
  await notifyIncident(tx, { incidentId: incident.id, toSeq: lastSeq, isPrivate: incident.isPrivate, changesState });
  return lastSeq;
}

export async function notifyIncident(tx: DbOrTx, notification: IncidentNotification): Promise<void> {
  await tx.execute(sql`select pg_notify(${INCIDENT_CHANNEL}, ${JSON.stringify(notification)})`);
}
