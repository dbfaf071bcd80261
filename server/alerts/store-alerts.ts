// Stores one request's alert records and routes them. Repeats of alerts already firing are stored
// first, in one statement shared with concurrent requests (touch-repeats.ts); everything else in one
// transaction: all or none.
// Deduplication: the same (source, fingerprint) while firing updates that alert; a resolve ends it; a
// firing after that opens a new one. Routing (server/alerts/routing/): a new firing alert joins or
// opens an incident by its rule's tier and group key; a resolve may end an incident alerts opened.
//
// Locks: every fingerprint, then every group key the request's firing records may need (one statement),
// then (routing) incident rows. Each set is taken sorted, in that order, and before anything is written, so two
// requests never wait on each other in a cycle; replays and concurrent posts meet one
// row, and one group one incident, in turn (the partial unique index is the backstop). A repeat that
// raced a resolve and found nothing open lands here too, and is handled as a new firing.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { retryOnConflict } from "@/db/retry";
import { alerts } from "@/db/schema";
import { announceAlertsChanged } from "./announce";
import type { AlertRecord } from "./formats/alert-record";
import { inTurn } from "./locked-turns";
import { loadRoutingRules } from "./routing/load-rules";
import { routeFiring, type RoutingSource } from "./routing/route-firing";
import { routeResolved } from "./routing/route-resolved";
import { type Decision, decide } from "./routing/rules";
import { readable, touchRepeats } from "./touch-repeats";

export type StoredAlert = {
  id: string;
  fingerprint: string;
  status: "firing" | "resolved";
  outcome: "created" | "updated" | "resolved" | "ignored";
  /** Set when routing joined or opened an incident, and how many people it paged. */
  incidentId?: string | null;
  paged?: number;
};

/** Takes the locks one after another in sorted order, in one statement (unnest yields the array in order). */
const lockAll = async (tx: Tx, keys: string[]) => {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(key, 0)) from unnest(${sql.param(sorted)}::text[]) as key`);
};

/** Stores a request's records: repeats of open alerts at once (touch-repeats.ts), the rest locked. */
export async function storeAlerts(db: DbOrTx, source: RoutingSource, records: AlertRecord[], now = new Date()): Promise<StoredAlert[]> {
  const touched = await touchRepeats(db, source.id, records, now);
  const isRepeat = (record: AlertRecord) => record.action === "firing" && touched.has(record.fingerprint);
  const rest = records.filter((record) => !isRepeat(record));
  // Only the locked path retries on a deadlock: the repeats above are stored and must not count twice.
  const stored = rest.length ? await inTurn(() => retryOnConflict(() => storeLocked(db, source, rest, now))) : [];
  await announceAlertsChanged(db);
  let next = 0;
  return records.map((record) => (isRepeat(record) ? { id: touched.get(record.fingerprint)!, fingerprint: record.fingerprint, status: "firing", outcome: "updated" } : stored[next++]!));
}

async function storeLocked(db: DbOrTx, source: RoutingSource, records: AlertRecord[], now: Date): Promise<StoredAlert[]> {
  return db.transaction(async (tx) => {
    // Every firing record's routing decision comes first (from the rules as this transaction reads
    // them), so that all locks are known before anything is read under them: every fingerprint, then
    // the group of every firing record that is not info ("alert:" sorts before "group:"), taken in one
    // statement before the first write, as in any fixed-order locking scheme.
    const firing = records.filter((record) => record.action === "firing").map((record) => record.fingerprint);
    const rules = firing.length ? await loadRoutingRules(tx) : [];
    const decisions = records.map((record) => (record.action === "firing" ? decide(rules, record, source.id) : null));
    await lockAll(tx, [
      ...records.map((record) => `alert:${source.id}:${record.fingerprint}`),
      ...decisions.flatMap((decision) => (decision && decision.tier !== "info" ? [`group:${decision.groupKey}`] : [])),
    ]);
    // Only records that open a new alert (firing, with no open alert of that fingerprint) are routed.
    const open = firing.length
      ? new Set(
          (
            await tx
              .select({ fingerprint: alerts.fingerprint })
              .from(alerts)
              .where(and(eq(alerts.sourceId, source.id), eq(alerts.status, "firing"), inArray(alerts.fingerprint, firing)))
          ).map((row) => row.fingerprint),
        )
      : new Set<string>();
    const routingFor = (index: number) => (open.has(records[index]!.fingerprint) ? null : (decisions[index] ?? null));
    // Store every record first, route afterwards: routing locks incident rows, and every group lock
    // must be taken before any of those (a request that locked an incident and then a group could
    // wait on one that holds the group and waits for that incident).
    const stored: StoredAlert[] = [];
    const openNow = new Set(open);
    for (const [index, record] of records.entries()) {
      const result = await storeOne(tx, source.id, record, routingFor(index), now, openNow.has(record.fingerprint));
      if (result.status === "firing") openNow.add(record.fingerprint);
      else openNow.delete(record.fingerprint);
      stored.push(result);
    }
    for (const [index, result] of stored.entries()) {
      const record = records[index]!;
      if (result.outcome === "created" && result.status === "firing") {
        const decision = routingFor(index);
        if (decision) {
          const routed = await routeFiring(tx, source, { id: result.id, title: record.title, labels: record.labels, tier: decision.tier, startedAt: record.startedAt ?? now }, decision, now);
          result.incidentId = routed.incidentId;
          result.paged = routed.paged;
        }
      }
      if (result.outcome === "resolved") await routeResolved(tx, result.id, source, now);
    }
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

/** `isOpen`: the fingerprint has a firing alert, as read under this request's lock and kept up to date by its earlier records. */
async function storeOne(tx: Tx, sourceId: string, record: AlertRecord, decision: Decision | null, now: Date, isOpen: boolean): Promise<StoredAlert> {
  const { fingerprint } = record;
  const content = record.hasContent ? readable(record) : {};
  if (record.action === "acknowledge") {
    const [row] = await tx.update(alerts).set({ lastSeenAt: now }).where(openAlert(sourceId, fingerprint)).returning({ id: alerts.id });
    return row ? { id: row.id, fingerprint, status: "firing", outcome: "updated" } : { id: "", fingerprint, status: "resolved", outcome: "ignored" };
  }
  if (record.action === "firing") {
    // Known not open (read under this request's lock): no update to try before the insert.
    const [repeat] = !isOpen
      ? []
      : await tx
          .update(alerts)
          .set({ ...content, occurrences: sql`${alerts.occurrences} + 1`, lastSeenAt: now })
          .where(openAlert(sourceId, fingerprint))
          .returning({ id: alerts.id });
    if (repeat) return { id: repeat.id, fingerprint, status: "firing", outcome: "updated" };
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
      .values({
        sourceId,
        fingerprint,
        status: "firing",
        ...readable(record),
        tier: decision?.tier ?? record.tier,
        groupKey: decision?.groupKey ?? null,
        ruleId: decision?.rule.id ?? null,
        raw: record.raw,
        startedAt: record.startedAt ?? now,
        lastSeenAt: now,
      })
      .returning({ id: alerts.id });
    if (!row) throw new Error("insert returned no row");
    return { id: row.id, fingerprint, status: "firing", outcome: "created" };
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
    .values({ sourceId, fingerprint, status: "resolved", ...readable(record), tier: record.tier, raw: record.raw, startedAt: record.startedAt ?? endedAt, endedAt, lastSeenAt: now })
    .returning({ id: alerts.id });
  if (!row) throw new Error("insert returned no row");
  return { id: row.id, fingerprint, status: "resolved", outcome: "created" };
}
