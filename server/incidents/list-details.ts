import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { preparedPerDb } from "@/db/prepared-per-db";
import { incidentRoleAssignments, incidentRoleTypes, incidentServices, services, users } from "@/db/schema";

// The commander and the services of one page of incidents. Every list request runs these two, so
// they are prepared once per database (the ids travel as one array, keeping the statement's shape
// fixed): no query building per request, and PostgreSQL plans them once per connection.
const preparedFor = preparedPerDb((db) => {
  const ids = sql.placeholder("ids");
  return {
    commanders: db
      .select({ incidentId: incidentRoleAssignments.incidentId, id: users.id, name: users.name })
      .from(incidentRoleAssignments)
      .innerJoin(incidentRoleTypes, eq(incidentRoleTypes.id, incidentRoleAssignments.roleTypeId))
      .innerJoin(users, eq(users.id, incidentRoleAssignments.userId))
      .where(and(sql`${incidentRoleAssignments.incidentId} = any(${ids}::uuid[])`, eq(incidentRoleTypes.key, "commander"), isNull(incidentRoleAssignments.releasedAt)))
      .prepare("incident_list_commanders"),
    services: db
      .select({ incidentId: incidentServices.incidentId, id: services.id, name: services.name })
      .from(incidentServices)
      .innerJoin(services, eq(services.id, incidentServices.serviceId))
      .where(sql`${incidentServices.incidentId} = any(${ids}::uuid[])`)
      .prepare("incident_list_services"),
  };
});

export async function commandersAndServices(db: DbOrTx, incidentIds: string[]) {
  if (incidentIds.length === 0) return { commanders: [], services: [] };
  const prepared = preparedFor(db);
  const [commanders, serviceRows] = await Promise.all([prepared.commanders.execute({ ids: incidentIds }), prepared.services.execute({ ids: incidentIds })]);
  return { commanders, services: serviceRows };
}
