// Deliveries made by hand: "Send test" (a sample event, delivered like any other, so the log shows
// it) and "Redeliver" (the same delivery again, with the same `webhook-id`: a receiver that has it
// already drops it, one that missed it takes it).
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationDeliveries } from "@/db/schema";
import type { OutgoingEvent } from "@/lib/outgoing-events";
import { appUrl } from "@/server/reminders/dates";
import { newDeliveryId } from "./dispatch";

export function testEvent(now: Date): OutgoingEvent {
  return {
    type: "incident.declared",
    timestamp: now.toISOString(),
    data: {
      incident: {
        id: "00000000-0000-4000-8000-000000000000",
        reference: "INC-TEST",
        title: "Test message from Daytwo: this channel works",
        severity: "SEV3",
        status: "triage",
        kind: "drill",
        isPrivate: false,
        commander: null,
        services: [],
        latestUpdate: null,
        url: appUrl("/settings/notifications"),
      },
    },
  };
}

export async function enqueueTestDelivery(db: DbOrTx, channelId: string, now = new Date()): Promise<string> {
  const id = newDeliveryId();
  await db.insert(notificationDeliveries).values({ id, channelId, type: "test", payload: testEvent(now) as unknown as Record<string, unknown>, nextAttemptAt: null, createdAt: now });
  return id;
}

/** Puts a delivery back in the queue, due now; returns its id (null when there is no such delivery). */
export async function redeliver(db: DbOrTx, deliveryId: string, now = new Date()): Promise<string | null> {
  const [row] = await db.update(notificationDeliveries).set({ status: "pending", nextAttemptAt: now }).where(eq(notificationDeliveries.id, deliveryId)).returning({ id: notificationDeliveries.id });
  return row?.id ?? null;
}
