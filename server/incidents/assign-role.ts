import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { incidentParticipants, incidentRoleAssignments, users } from "@/db/schema";
import { isOpen } from "@/lib/incident-lifecycle";
import type { ServiceContext } from "@/server/context";
import { conflict, invalid } from "@/server/errors";
import { requireResponder, requireRoleType } from "./lookups";
import { mutateIncident } from "./mutate";
import type { assignRoleInput, releaseRoleInput } from "./schemas";

/** Assigns or hands over a role ("I'll take it" when no user is given); history keeps every holder. */
export async function assignRole({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof assignRoleInput> }) {
  return mutateIncident(ctx, { incidentId: input.incidentId, expectedVersion: input.expectedVersion }, async (tx, incident, now) => {
    const roleType = await requireRoleType(tx, input.roleKey);
    const holder = await requireResponder(tx, input.userId ?? ctx.actor.id);
    const [current] = await tx
      .select({ id: incidentRoleAssignments.id, userId: incidentRoleAssignments.userId, name: users.name })
      .from(incidentRoleAssignments)
      .innerJoin(users, eq(users.id, incidentRoleAssignments.userId))
      .where(and(eq(incidentRoleAssignments.incidentId, incident.id), eq(incidentRoleAssignments.roleTypeId, roleType.id), isNull(incidentRoleAssignments.releasedAt)));
    if (current?.userId === holder.id) throw conflict(`${holder.name} already is ${roleType.name}.`);
    if (current) await tx.update(incidentRoleAssignments).set({ releasedAt: now }).where(eq(incidentRoleAssignments.id, current.id));
    await tx.insert(incidentRoleAssignments).values({ incidentId: incident.id, roleTypeId: roleType.id, userId: holder.id, assignedById: ctx.actor.id, assignedAt: now });
    await tx.insert(incidentParticipants).values({ incidentId: incident.id, userId: holder.id, addedById: ctx.actor.id }).onConflictDoNothing();
    return {
      events: [{ kind: "role.assigned", data: { role: roleType.name, roleKey: roleType.key, user: holder.name, userId: holder.id, previous: current?.name ?? null } }],
      audit: { action: "incident.role_assigned", before: { [roleType.key]: current?.userId ?? null }, after: { [roleType.key]: holder.id } },
    };
  });
}

/** Steps down from a role. The commander cannot step down while the incident is open: hand over instead. */
export async function releaseRole({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof releaseRoleInput> }) {
  return mutateIncident(ctx, { incidentId: input.incidentId, expectedVersion: input.expectedVersion }, async (tx, incident, now) => {
    const roleType = await requireRoleType(tx, input.roleKey);
    if (roleType.key === "commander" && isOpen(incident.status)) {
      throw conflict("An open incident always has a commander. Hand the role over to someone instead.");
    }
    const [current] = await tx
      .select({ id: incidentRoleAssignments.id, userId: incidentRoleAssignments.userId, name: users.name })
      .from(incidentRoleAssignments)
      .innerJoin(users, eq(users.id, incidentRoleAssignments.userId))
      .where(and(eq(incidentRoleAssignments.incidentId, incident.id), eq(incidentRoleAssignments.roleTypeId, roleType.id), isNull(incidentRoleAssignments.releasedAt)));
    if (!current) throw invalid(`Nobody holds ${roleType.name}.`, "roleKey");
    await tx.update(incidentRoleAssignments).set({ releasedAt: now }).where(eq(incidentRoleAssignments.id, current.id));
    return {
      events: [{ kind: "role.released", data: { role: roleType.name, roleKey: roleType.key, user: current.name, userId: current.userId } }],
      audit: { action: "incident.role_released", before: { [roleType.key]: current.userId }, after: { [roleType.key]: null } },
    };
  });
}
