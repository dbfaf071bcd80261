import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { incidentParticipants, incidents, incidentStatusCounts } from "@/db/schema";
import type { IncidentKind } from "@/lib/incident-lifecycle";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";

export type StatusCounts = Record<string, number>;
/** The filters the counters can answer: few-valued columns they are kept by. */
export type CounterFilters = { severityIds?: number[]; kind?: IncidentKind };

const toRecord = (rows: { status: string; count: number }[], into: StatusCounts = {}): StatusCounts => {
  // A counter row can sit at 0 once its incidents moved on; a tab with nothing in it is simply absent.
  for (const row of rows) if (row.count > 0) into[row.status] = (into[row.status] ?? 0) + row.count;
  return into;
};

/**
 * Counts by status for the list's tabs, read from the counters the incidents trigger keeps (a few
 * rows, whatever the number of incidents). Someone who is not an admin sees the public incidents
 * plus the private ones they take part in, found through their own participant rows.
 */
export async function countByStatusFromCounters(ctx: ServiceContext, filters: CounterFilters): Promise<StatusCounts> {
  const admin = can(ctx.actor, "incident.read", { isPrivate: true, isParticipant: false });
  const counters = ctx.db
    .select({ status: incidentStatusCounts.status, count: sql<number>`sum(${incidentStatusCounts.count})::int` })
    .from(incidentStatusCounts)
    .where(
      and(
        admin ? undefined : eq(incidentStatusCounts.isPrivate, false),
        filters.severityIds?.length ? inArray(incidentStatusCounts.severityId, filters.severityIds) : undefined,
        filters.kind ? eq(incidentStatusCounts.kind, filters.kind) : undefined,
      ),
    )
    .groupBy(incidentStatusCounts.status);
  if (admin) return toRecord(await counters);
  const [shared, privateOnes] = await Promise.all([
    counters,
    ctx.db
      .select({ status: incidents.status, count: sql<number>`count(*)::int` })
      .from(incidentParticipants)
      .innerJoin(incidents, eq(incidents.id, incidentParticipants.incidentId))
      .where(
        and(
          eq(incidentParticipants.userId, ctx.actor.id),
          eq(incidents.isPrivate, true),
          filters.severityIds?.length ? inArray(incidents.severityId, filters.severityIds) : undefined,
          filters.kind ? eq(incidents.kind, filters.kind) : undefined,
        ),
      )
      .groupBy(incidents.status),
  ]);
  return toRecord(privateOnes, toRecord(shared));
}

/** Counts by status over the incidents matching `filters` (visibility included): a scan of those. */
export async function countMatchingByStatus(ctx: ServiceContext, filters: SQL[]): Promise<StatusCounts> {
  const rows = await ctx.db
    .select({ status: incidents.status, count: sql<number>`count(*)::int` })
    .from(incidents)
    .where(and(...filters))
    .groupBy(incidents.status);
  return toRecord(rows);
}
