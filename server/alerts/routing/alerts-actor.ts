import { randomUUID } from "node:crypto";
import type { Tx } from "@/db/client";
import { ALERTS_USER_ID } from "@/db/schema";
import type { ServiceContext } from "@/server/context";

// Routing acts as "Daytwo alerts": it sees every incident (it must join private ones too) and its
// changes go through the same verbs, events and audit rows as a person's.
export function alertsContext(tx: Tx, now: Date, requestId = randomUUID()): ServiceContext {
  return { db: tx, actor: { id: ALERTS_USER_ID, role: "admin", name: "Daytwo alerts", email: "alerts@daytwo.invalid" }, requestId, now: () => now };
}
