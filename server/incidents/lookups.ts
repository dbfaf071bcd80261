import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { incidentRoleTypes, services, severities, users } from "@/db/schema";
import { invalid } from "@/server/errors";
import { can } from "@/server/auth/can";

export async function requireSeverity(db: DbOrTx, severityId: number) {
  const [severity] = await db.select().from(severities).where(eq(severities.id, severityId));
  if (!severity) throw invalid("Choose one of the workspace's severities.", "severityId");
  return severity;
}

export async function requireServices(db: DbOrTx, serviceIds: string[]) {
  if (serviceIds.length === 0) return [];
  const rows = await db.select({ id: services.id, name: services.name, ownerTeamId: services.ownerTeamId }).from(services).where(inArray(services.id, serviceIds));
  if (rows.length !== new Set(serviceIds).size) throw invalid("One of the chosen services no longer exists. Reload and choose again.", "serviceIds");
  return rows;
}

/** A person who can hold an incident role: active, and allowed to act (not a viewer). `field` names the input that chose them. */
export async function requireResponder(db: DbOrTx, userId: string, field = "userId") {
  const [user] = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  if (!user) throw invalid("That person is not an active user.", field);
  if (!can(user, "incident.write")) throw invalid(`${user.name} is a viewer and cannot hold an incident role. An admin can make them a responder.`, field);
  return user;
}

export async function requireRoleType(db: DbOrTx, key: string) {
  const [roleType] = await db.select().from(incidentRoleTypes).where(eq(incidentRoleTypes.key, key));
  if (!roleType) throw invalid(`There is no incident role called "${key}".`, "roleKey");
  return roleType;
}
