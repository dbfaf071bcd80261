import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { incidentEvents, type Incident } from "@/db/schema";
import { INCIDENT_CHANNEL, type IncidentNotification } from "@/server/live/notification";


export type EventInput = {
  kind: string;
  data?: Record<string, unknown>;
  body?: string | null;
  occurredAt?: Date;
  supersedesId?: number | null;
};


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
    data: event.data ?? {},
    body: event.body ?? null,
    supersedesId: event.supersedesId ?? null,
  }));
  await tx.insert(incidentEvents).values(rows);
  const lastSeq = incident.lastEventSeq + events.length;
  // A version bump (or a new incident) changes what lists and headers show; a note alone does not.
  const changesState = version !== incident.version || incident.lastEventSeq === 0;
  await notifyIncident(tx, { incidentId: incident.id, toSeq: lastSeq, isPrivate: incident.isPrivate, changesState });
  return lastSeq;
}

export async function notifyIncident(tx: DbOrTx, notification: IncidentNotification): Promise<void> {
  await tx.execute(sql`select pg_notify(${INCIDENT_CHANNEL}, ${JSON.stringify(notification)})`);
}
