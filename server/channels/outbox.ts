// Which timeline events the outside world hears of, as outgoing event types. Written to the outbox in
// the transaction that appends the events (server/incidents/events.ts), so none is ever lost; notes,
// runbook ticks and the rest write nothing here and cost nothing.
import type { DbOrTx } from "@/db/client";
import { type Incident, notificationOutbox } from "@/db/schema";
import type { OutgoingEventType } from "@/db/enums";
import type { EventInput } from "@/server/incidents/events";

type Entry = { type: OutgoingEventType; data: Record<string, unknown> };

function entriesFor(event: EventInput): Entry[] {
  switch (event.kind) {
    case "incident.declared":
      return [{ type: "incident.declared", data: {} }];
    case "severity.changed":
      return [{ type: "incident.severity_changed", data: { from: event.data.from, to: event.data.to } }];
    case "status.changed": {
      const changed: Entry = { type: "incident.status_changed", data: { from: event.data.from, to: event.data.to, reason: event.data.reason ?? null } };
      return event.data.to === "resolved" ? [changed, { type: "incident.resolved", data: {} }] : [changed];
    }
    case "status_update.posted":
      return [{ type: "incident.status_update_posted", data: { body: event.body ?? "" } }];
    case "role.assigned":
      return event.data.roleKey === "commander" ? [{ type: "incident.commander_changed", data: { from: event.data.previous, to: { id: event.data.userId, name: event.data.user } } }] : [];
    case "post_mortem.published":
      return [{ type: "post_mortem.published", data: { postMortemId: event.data.postMortemId } }];
    case "alert.received":
      return event.data.tier === "critical"
        ? [{ type: "alert.critical_received", data: { alert: { id: event.data.alertId, title: event.data.title, source: event.data.source, labels: event.data.labels } } }]
        : [];
    default:
      return [];
  }
}

export async function queueOutgoing(tx: DbOrTx, incident: Pick<Incident, "id">, events: EventInput[], now: Date, actorId: string | null = null): Promise<void> {
  // A declaration names its commander itself: no separate "commander changed" beside it.
  const declaring = events.some((event) => event.kind === "incident.declared");
  const rows = events
    .flatMap((event) => entriesFor(event).map((entry) => ({ ...entry, incidentId: incident.id, actorId, occurredAt: event.occurredAt ?? now })))
    .filter((row) => !(declaring && row.type === "incident.commander_changed"));
  if (rows.length) await tx.insert(notificationOutbox).values(rows);
}
