// Alerts for tests, stored the way ingestion stores them: a generic-format payload through the real
// parser and storeAlerts, at a chosen moment.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alerts, ALERTS_USER_ID, incidents } from "@/db/schema";
import { parseGeneric } from "@/server/alerts/formats/generic";
import { storeAlerts, type StoredAlert } from "@/server/alerts/store-alerts";

type GenericAlert = { title: string; status?: "firing" | "resolved"; metadata?: Record<string, string>; deduplication_key?: string; source_url?: string };

type Source = { id: string; name: string };

/** Stored and routed as ingestion does it (a warning or critical alert joins or opens an incident). */
export async function storeGenericAlert(db: Db, source: Source, alert: GenericAlert, now = new Date()): Promise<StoredAlert> {
  const parsed = parseGeneric({ status: "firing", ...alert });
  if ("problem" in parsed) throw new Error(parsed.problem);
  const [stored] = await storeAlerts(db, source, parsed.records, now);
  if (!stored?.id) throw new Error("the alert was not stored");
  return stored;
}

export const storeGeneric = async (db: Db, source: Source, alert: GenericAlert, now = new Date()) => (await storeGenericAlert(db, source, alert, now)).id;

/** What routing does when an alert opens an incident: the incident is declared by "Daytwo alerts", the alert joins it. */
export async function openedByAlerts(db: Db, alertId: string, incidentId: string, declaredAt?: Date) {
  await db
    .update(incidents)
    .set({ declaredById: ALERTS_USER_ID, ...(declaredAt ? { declaredAt } : {}) })
    .where(eq(incidents.id, incidentId));
  await db.update(alerts).set({ incidentId }).where(eq(alerts.id, alertId));
}
