import { asc, isNull } from "drizzle-orm";
import { incidentRoleTypes, services, severities, users } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { can } from "@/server/auth/can";

/** What the declare form and incident pickers offer: severities, services, roles and the people who can act. */
export async function getFormOptions({ ctx }: { ctx: ServiceContext }) {
  const [severityRows, serviceRows, roleRows, people] = await Promise.all([
    ctx.db.select().from(severities).orderBy(asc(severities.rank)),
    ctx.db.select({ id: services.id, name: services.name, tier: services.tier }).from(services).orderBy(asc(services.name)),
    ctx.db.select({ key: incidentRoleTypes.key, name: incidentRoleTypes.name, guide: incidentRoleTypes.guide }).from(incidentRoleTypes).orderBy(asc(incidentRoleTypes.sortOrder)),
    ctx.db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(isNull(users.deactivatedAt)).orderBy(asc(users.name)),
  ]);
  return {
    severities: severityRows,
    services: serviceRows,
    roles: roleRows,
    // Roles go to people who can act; anyone active can be added to a private incident to read it.
    responders: people.filter((p) => can(p, "incident.write")).map(({ id, name }) => ({ id, name })),
    people: people.map(({ id, name }) => ({ id, name })),
  };
}
