// What a live incident stream carries: the events themselves and the incident's new state, so an
// open page applies them in place and never has to refetch (except after a gap in sequence numbers).
import { z } from "zod";
import { incidentOutput, timelineEventOutput } from "@/server/incidents/outputs";

const person = z.object({ id: z.uuid(), name: z.string() });

export const incidentHead = z.object({ version: z.number().int(), lastEventSeq: z.number().int() });

export const incidentFeedMessage = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("events"),
    /** In sequence order, each exactly once; the first follows the last one this stream sent. */
    events: z.array(timelineEventOutput),
    head: incidentHead,
    /** The whole incident when its state changed (or on a stream's first message), else null. */
    incident: incidentOutput.nullable(),
  }),
  z.object({ type: z.literal("highlight"), eventId: z.number().int(), isHighlighted: z.boolean() }),
  z.object({ type: z.literal("presence"), viewers: z.array(person) }),
  /** The server lost (or regained) its database; the page says so, and events resume on its return. */
  z.object({ type: z.literal("database"), isReachable: z.boolean() }),
]);
export type IncidentFeedMessage = z.infer<typeof incidentFeedMessage>;
export type EventsMessage = Extract<IncidentFeedMessage, { type: "events" }>;

/** null: something may have changed anywhere (after the database came back): refresh once. */
export const incidentListChange = z.object({ incidentId: z.uuid().nullable() });
