import { z } from "zod";
import { getDatabase } from "@/db/client";
import type { ServiceContext } from "@/server/context";
import { DomainError } from "@/server/errors";
import { loadVisibleIncident } from "@/server/incidents/access";
import { INCIDENT_CHANNEL, type IncidentNotification } from "@/server/incidents/events";
import { timelineEventOutput } from "@/server/incidents/outputs";
import { readEvents } from "@/server/incidents/timeline";
import { createWake } from "./wake";

// What a subscriber receives, checked like every query's output before it leaves the server.
export const incidentFeedMessage = z.discriminatedUnion("type", [z.object({ type: z.literal("event"), event: timelineEventOutput }), z.object({ type: z.literal("changed") })]);
export type IncidentFeedMessage = z.infer<typeof incidentFeedMessage>;
export const incidentListChange = z.object({ incidentId: z.uuid() });

function parse(payload: string): IncidentNotification | null {
  try {
    return JSON.parse(payload) as IncidentNotification;
  } catch {
    return null;
  }
}

/**
 * Everything that happens on one incident after `afterSeq`, then live. NOTIFY (sent at commit,
 * on PostgreSQL across instances, in-process on PGlite) only wakes the stream; events are read
 * from the table by sequence, so a resumed stream has no gap and no duplicate.
 */
export async function* incidentFeed(ctx: ServiceContext, incidentId: string, afterSeq: number, signal?: AbortSignal): AsyncGenerator<{ seq: number | null; message: IncidentFeedMessage }> {
  await loadVisibleIncident(ctx.db, ctx.actor, incidentId);
  const wake = createWake();
  const database = await getDatabase();
  const unlisten = await database.listen(INCIDENT_CHANNEL, (payload) => {
    if (parse(payload)?.incidentId === incidentId) wake.notify();
  });
  let lastSeq = afterSeq;
  try {
    // Catch up first: the client may have missed events while it was connecting.
    wake.notify();
    while (!signal?.aborted) {
      await wake.wait(signal);
      if (signal?.aborted) break;
      try {
        await loadVisibleIncident(ctx.db, ctx.actor, incidentId);
      } catch (error) {
        if (error instanceof DomainError) return;
        throw error;
      }
      const events = await readEvents(ctx, incidentId, { afterSeq: lastSeq });
      for (const event of events) {
        lastSeq = event.seq;
        yield { seq: event.seq, message: { type: "event", event } };
      }
      // Highlights and presence change no sequence; the page refreshes what they affect.
      yield { seq: null, message: { type: "changed" } };
    }
  } finally {
    await unlisten();
  }
}

/** Ids of incidents that changed and that this actor may see: lists refresh on each. */
export async function* incidentListFeed(ctx: ServiceContext, signal?: AbortSignal): AsyncGenerator<string> {
  const changed = new Set<string>();
  const wake = createWake();
  const database = await getDatabase();
  const unlisten = await database.listen(INCIDENT_CHANNEL, (payload) => {
    const notification = parse(payload);
    if (!notification) return;
    changed.add(notification.incidentId);
    wake.notify();
  });
  try {
    while (!signal?.aborted) {
      await wake.wait(signal);
      for (const incidentId of [...changed]) {
        changed.delete(incidentId);
        try {
          await loadVisibleIncident(ctx.db, ctx.actor, incidentId);
          yield incidentId;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
    }
  } finally {
    await unlisten();
  }
}
