// What a committed incident change tells every process through NOTIFY: small (the 8 kB payload
// limit), never the content. Each process's hub reads the content once and shares it.
import { z } from "zod";

export const INCIDENT_CHANNEL = "daytwo_incident_events";

export const incidentNotification = z.object({
  incidentId: z.uuid(),
  /** The incident's last event sequence number after the change. */
  toSeq: z.number().int().min(0),
  isPrivate: z.boolean(),
  /** The version moved (or the incident is new): lists and the page header change, not only the timeline. */
  changesState: z.boolean(),
  /** Changes that carry no sequence number travel in the payload itself. */
  highlight: z.object({ eventId: z.number().int(), isHighlighted: z.boolean() }).optional(),
  presence: z.literal(true).optional(),
});
export type IncidentNotification = z.infer<typeof incidentNotification>;

export function parseNotification(payload: string): IncidentNotification | null {
  try {
    const parsed = incidentNotification.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
