// Stores one request's alert records in one transaction: all of them or none. Deduplication: the same
// (source, fingerprint) while firing updates that alert; a resolve ends it; a firing after that opens
// a new one. Each fingerprint is locked for the transaction, so replays and concurrent identical posts
// meet one row in turn (the partial unique index is the backstop).
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { alerts } from "@/db/schema";
import type { AlertRecord } from "./formats/alert-record";

export type StoredAlert = { id: string; fingerprint: string; status: "firing" | "resolved"; outcome: "created" | "updated" | "resolved" | "ignored" };

export async function storeAlerts(db: DbOrTx, sourceId: string, records: AlertRecord[], now = new Date()): Promise<StoredAlert[]> {
  return db.transaction(async (tx) => {
    // Sorted, so two requests holding the same fingerprints lock them in the same order (no deadlock).
    const keys = [...new Set(records.map((record) => record.fingerprint))].sort();
    for (const fingerprint of keys) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`alert:${sourceId}:${fingerprint}`}, 0))`);
    const stored: StoredAlert[] = [];
    for (const record of records) stored.push(await storeOne(tx, sourceId, record, now));
    return stored;
  });
}

const openAlert = (sourceId: string, fingerprint: string) => and(eq(alerts.sourceId, sourceId), eq(alerts.fingerprint, fingerprint), eq(alerts.status, "firing"));

async function latestResolved(tx: Tx, sourceId: string, fingerprint: string) {
  const [row] = await tx
    .select({ id: alerts.id, startedAt: alerts.startedAt })
    .from(alerts)
    .where(and(eq(alerts.sourceId, sourceId), eq(alerts.fingerprint, fingerprint), eq(alerts.status, "resolved")))
    .orderBy(desc(alerts.startedAt))
    .limit(1);
  return row;
}

async function touch(tx: Tx, id: string, now: Date) {
  await tx
    .update(alerts)
    .set({ occurrences: sql`${alerts.occurrences} + 1`, lastSeenAt: now })
    .where(eq(alerts.id, id));
}

async function storeOne(tx: Tx, sourceId: string, record: AlertRecord, now: Date): Promise<StoredAlert> {
  const { fingerprint } = record;
  const full = { title: record.title, description: record.description, labels: record.labels, annotations: record.annotations, tier: record.tier, sourceUrl: record.sourceUrl, raw: record.raw };
  const content = record.hasContent ? full : {};
  if (record.action === "acknowledge") {
    const [row] = await tx.update(alerts).set({ lastSeenAt: now }).where(openAlert(sourceId, fingerprint)).returning({ id: alerts.id });
    return row ? { id: row.id, fingerprint, status: "firing", outcome: "updated" } : { id: "", fingerprint, status: "resolved", outcome: "ignored" };
  }
  if (record.action === "firing") {
    // A late retry of an episode that has since resolved (same start time) is a repeat, not a new alert.
    if (record.startedAt) {
      const ended = await latestResolved(tx, sourceId, fingerprint);
      if (ended && ended.startedAt.getTime() === record.startedAt.getTime()) {
        await touch(tx, ended.id, now);
        return { id: ended.id, fingerprint, status: "resolved", outcome: "updated" };
      }
    }
    const [row] = await tx
      .insert(alerts)
      .values({ sourceId, fingerprint, status: "firing", ...full, startedAt: record.startedAt ?? now, lastSeenAt: now })
      .onConflictDoUpdate({
        target: [alerts.sourceId, alerts.fingerprint],
        targetWhere: sql`status = 'firing'`,
        set: { ...content, occurrences: sql`${alerts.occurrences} + 1`, lastSeenAt: now },
      })
      .returning({ id: alerts.id, occurrences: alerts.occurrences });
    if (!row) throw new Error("upsert returned no row");
    return { id: row.id, fingerprint, status: "firing", outcome: row.occurrences === 1 ? "created" : "updated" };
  }
  const endedAt = record.endedAt ?? now;
  const [resolved] = await tx
    .update(alerts)
    .set({ ...content, status: "resolved", endedAt, occurrences: sql`${alerts.occurrences} + 1`, lastSeenAt: now })
    .where(openAlert(sourceId, fingerprint))
    .returning({ id: alerts.id });
  if (resolved) return { id: resolved.id, fingerprint, status: "resolved", outcome: "resolved" };
  // Nothing open: a repeat of the resolve we already have, or an alert we only ever saw resolving.
  const ended = await latestResolved(tx, sourceId, fingerprint);
  if (ended && (!record.startedAt || ended.startedAt.getTime() === record.startedAt.getTime())) {
    await touch(tx, ended.id, now);
    return { id: ended.id, fingerprint, status: "resolved", outcome: "updated" };
  }
  const [row] = await tx
    .insert(alerts)
    .values({ sourceId, fingerprint, status: "resolved", ...full, startedAt: record.startedAt ?? endedAt, endedAt, lastSeenAt: now })
    .returning({ id: alerts.id });
  if (!row) throw new Error("insert returned no row");
  return { id: row.id, fingerprint, status: "resolved", outcome: "created" };
}
