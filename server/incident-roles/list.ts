import { asc } from "drizzle-orm";
import { incidentRoleTypes } from "@/db/schema";
import type { ServiceContext } from "@/server/context";

export async function listRoleTypes({ ctx }: { ctx: ServiceContext }) {
  return ctx.db
    .select({ id: incidentRoleTypes.id, key: incidentRoleTypes.key, name: incidentRoleTypes.name, guide: incidentRoleTypes.guide, isBuiltin: incidentRoleTypes.isBuiltin })
    .from(incidentRoleTypes)
    .orderBy(asc(incidentRoleTypes.sortOrder), asc(incidentRoleTypes.name));
}
