import { and, eq, exists, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { incidentRoleAssignments, incidentRoleTypes, incidents, incidentServices, severities } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { reference, visibleTo } from "./access";
import { afterCursor, encodeCursor, leadingKey, orderBy } from "./list-cursor";
import { commandersAndServices } from "./list-details";
import { countByStatusFromCounters, countMatchingByStatus } from "./status-counts";
import type { listIncidentsInput } from "./schemas";

type ListInput = z.infer<typeof listIncidentsInput>;

// Only what a list row shows: every extra column is parsed and mapped for 26 rows per request.
const listColumns = {
  id: incidents.id,
  number: incidents.number,
  title: incidents.title,
  status: incidents.status,
  kind: incidents.kind,
  isPrivate: incidents.isPrivate,
  declaredAt: incidents.declaredAt,
  resolvedAt: incidents.resolvedAt,
};

function filtersFor(ctx: ServiceContext, input: ListInput, options: { withStatus: boolean }): SQL[] {
  const filters: SQL[] = [];
  const visibility = visibleTo(ctx.actor);
  if (visibility) filters.push(visibility);
  if (options.withStatus && input.statuses?.length) filters.push(inArray(incidents.status, input.statuses));
  if (input.severityIds?.length) filters.push(inArray(incidents.severityId, input.severityIds));
  if (input.kind) filters.push(eq(incidents.kind, input.kind));
  if (input.from) filters.push(gte(incidents.declaredAt, input.from));
  if (input.to) filters.push(lte(incidents.declaredAt, input.to));
  if (input.serviceId) {
    filters.push(exists(sql`(select 1 from ${incidentServices} where ${incidentServices.incidentId} = ${incidents.id} and ${incidentServices.serviceId} = ${input.serviceId})`));
  }
  if (input.commanderId) {
    filters.push(
      exists(
        sql`(select 1 from ${incidentRoleAssignments} join ${incidentRoleTypes} on ${incidentRoleTypes.id} = ${incidentRoleAssignments.roleTypeId}
             where ${incidentRoleAssignments.incidentId} = ${incidents.id} and ${incidentRoleTypes.key} = 'commander'
             and ${incidentRoleAssignments.releasedAt} is null and ${incidentRoleAssignments.userId} = ${input.commanderId})`,
      ),
    );
  }
  if (input.text) {
    const byReference = input.text.match(/^(?:inc-)?(\d+)$/i);
    const search = sql`to_tsvector('simple', ${incidents.title} || ' ' || ${incidents.summary}) @@ websearch_to_tsquery('simple', ${input.text})`;
    filters.push(byReference ? sql`(${incidents.number} = ${Number(byReference[1])} or ${search})` : search);
  }
  return filters;
}

/** A filter the status counters are not kept by: the counts must then be taken over the matching incidents. */
const needsScanToCount = (input: ListInput) => Boolean(input.from || input.to || input.serviceId || input.commanderId || input.text);

export async function listIncidents({ ctx, input }: { ctx: ServiceContext; input: ListInput }) {
  const filters = filtersFor(ctx, input, { withStatus: true });
  if (input.cursor) filters.push(afterCursor(input.sort, input.cursor));

  const [rows, counts] = await Promise.all([
    ctx.db
      .select({ incident: listColumns, severity: { id: severities.id, name: severities.name, rank: severities.rank }, sortKey: leadingKey(input.sort) })
      .from(incidents)
      .innerJoin(severities, eq(severities.id, incidents.severityId))
      .where(and(...filters))
      .orderBy(...orderBy(input.sort))
      .limit(input.limit + 1),
    // Counts ignore the status filter, so the status tabs show what each would contain. Only the
    // first page asks for them; later pages reuse the first's.
    input.cursor
      ? Promise.resolve(null)
      : needsScanToCount(input)
        ? countMatchingByStatus(ctx, filtersFor(ctx, input, { withStatus: false }))
        : countByStatusFromCounters(ctx, { severityIds: input.severityIds, kind: input.kind }),
  ]);

  const page = rows.slice(0, input.limit);
  const ids = page.map((row) => row.incident.id);
  const { commanders, services: serviceRows } = await commandersAndServices(ctx.db, ids);

  const last = page.at(-1);
  return {
    incidents: page.map(({ incident, severity }) => {
      const commander = commanders.find((c) => c.incidentId === incident.id);
      return {
        id: incident.id,
        reference: reference(incident),
        title: incident.title,
        status: incident.status,
        kind: incident.kind,
        isPrivate: incident.isPrivate,
        severity: { id: severity.id, name: severity.name, rank: severity.rank },
        commander: commander ? { id: commander.id, name: commander.name } : null,
        services: serviceRows.filter((s) => s.incidentId === incident.id).map(({ id, name }) => ({ id, name })),
        declaredAt: incident.declaredAt,
        resolvedAt: incident.resolvedAt,
      };
    }),
    nextCursor: rows.length > input.limit && last ? encodeCursor(Number(last.sortKey), last.incident.declaredAt, last.incident.id) : null,
    countsByStatus: counts,
  };
}
