import { and, desc, eq, gt } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { AuditAction } from "@/lib/audit-actions";
import { readStoredEvent } from "@/lib/events/catalogue";
import { describeEvent } from "@/lib/timeline-text";
import type { Tx } from "@/db/client";
import { ALERTS_USER_ID, incidentEvents, incidentParticipants, incidents, type Incident } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { DomainError, forbidden } from "@/server/errors";
import { loadVisibleIncident } from "./access";
import { appendEvents, type EventInput } from "./events";
import { inTurn } from "./write-queue";
import { inTransaction } from "@/db/in-transaction";

export type Mutation = {
  // State changes bump the version (stale writers then conflict); pure additions such as notes do not.
  set?: Partial<Omit<Incident, "id" | "number" | "version" | "lastEventSeq">>;
  changesState?: boolean;
  events: EventInput[];
  audit: { action: AuditAction; before?: unknown; after?: unknown };
};

export class StaleVersionError extends DomainError {
  constructor(
    readonly currentVersion: number,
    readonly changes: string[],
  ) {
    super("conflict", `Someone changed this incident while you were editing (${changes.join("; ") || "details updated"}). Review the latest version and try again.`);
  }
}

// mayWrite: the caller already authorized the change on other grounds (an action item's owner).
type Target = { incidentId: string; expectedVersion: number | null; mayWrite?: boolean };
type Change = (tx: Tx, incident: Incident, now: Date) => Promise<Mutation>;

/**
 * The one path for changing an incident: lock the row, check visibility, role and version, apply
 * the change, append its timeline events, the audit row and the live notification — all in one
 * transaction. `change` runs under the lock and may throw domain errors to abort everything.
 */
export async function mutateIncident(ctx: ServiceContext, target: Target, change: Change): Promise<Incident> {
  // Nested in a caller's transaction, it already holds its turn (and the row lock, re-entrantly).
  if (ctx.db instanceof PgTransaction) return mutateNow(ctx, target, change);
  return inTurn(target.incidentId, () => mutateNow(ctx, target, change));
}

async function mutateNow(ctx: ServiceContext, target: Target, change: Change): Promise<Incident> {
  const now = ctx.now?.() ?? new Date();
  return inTransaction(ctx.db, async (tx) => {
    const incident = await loadVisibleIncident(tx, ctx.actor, target.incidentId, { lock: true });
    if (!can(ctx.actor, "incident.write") && !target.mayWrite) throw forbidden("Viewers can read incidents but not change them.");
    if (target.expectedVersion !== null && incident.version !== target.expectedVersion) {
      throw new StaleVersionError(incident.version, await describeChangesSince(tx, incident.id, target.expectedVersion));
    }
    const mutation = await change(tx, incident, now);
    const version = mutation.changesState === false ? incident.version : incident.version + 1;
    const lastEventSeq = await appendEvents(tx, incident, ctx.actor.id, mutation.events, now, version);
    const [updated] = await tx
      .update(incidents)
      .set({ ...mutation.set, version, lastEventSeq, updatedAt: now })
      .where(eq(incidents.id, incident.id))
      .returning();
    if (!updated) throw new Error("incident vanished under its row lock");
    // Whoever acts on an incident takes part in it (and so keeps access if it turns private); alert
    // routing is not a person.
    if (ctx.actor.id !== ALERTS_USER_ID) await tx.insert(incidentParticipants).values({ incidentId: incident.id, userId: ctx.actor.id, addedById: ctx.actor.id }).onConflictDoNothing();
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: mutation.audit.action,
      entityType: "incident",
      entityId: incident.id,
      before: mutation.audit.before,
      after: mutation.audit.after,
      requestId: ctx.requestId,
    });
    return updated;
  });
}

/** A short account of what happened after the version a stale writer read, for the conflict message. */
async function describeChangesSince(tx: Tx, incidentId: string, version: number): Promise<string[]> {
  const rows = await tx
    .select({ kind: incidentEvents.kind, data: incidentEvents.data, body: incidentEvents.body })
    .from(incidentEvents)
    .where(and(eq(incidentEvents.incidentId, incidentId), gt(incidentEvents.version, version)))
    .orderBy(desc(incidentEvents.seq))
    .limit(5);
  return rows.reverse().map((row) => describeEvent({ ...readStoredEvent(row), body: row.body }));
}
