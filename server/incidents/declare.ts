import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { ALERTS_USER_ID, incidentParticipants, incidentRoleAssignments, incidents, incidentServices, workspace } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, invalid } from "@/server/errors";
import { reference } from "./access";
import { appendEvents, type EventInput } from "./events";
import { requireResponder, requireRoleType, requireServices, requireSeverity } from "./lookups";
import type { declareIncidentInput } from "./schemas";
import { inTransaction } from "@/db/in-transaction";

// `withoutCommander`: alert routing opens incidents that nobody commands yet; the paged team takes
// command. Not part of the input schema, so no request can ask for it.
export async function declareIncident({ ctx, input, withoutCommander = false }: { ctx: ServiceContext; input: z.infer<typeof declareIncidentInput>; withoutCommander?: boolean }) {
  if (!can(ctx.actor, "incident.write")) throw forbidden("Viewers cannot declare incidents. Ask an admin for the responder role.");
  const now = ctx.now?.() ?? new Date();
  if (input.impactStartedAt && input.impactStartedAt > now) throw invalid("Impact cannot start in the future.", "impactStartedAt");
  return inTransaction(ctx.db, async (tx) => {
    const severity = await requireSeverity(tx, input.severityId);
    const chosenServices = await requireServices(tx, input.serviceIds);
    // A team-restricted token declares only what it can then see: incidents of its team's services.
    if (ctx.actor.teamId && !chosenServices.some((service) => service.ownerTeamId === ctx.actor.teamId)) {
      throw invalid("serviceIds: this token is restricted to one team; name at least one service that team owns.", "serviceIds");
    }
    // A token declaring (CI, a bot) names a commander or leaves command to whoever takes it.
    const commanderless = withoutCommander || (ctx.actor.isSystem === true && !input.commanderId);
    const commander = commanderless ? null : await requireResponder(tx, input.commanderId ?? ctx.actor.id, "commanderId");
    // The workspace row lock serializes concurrent declarations: numbers are unique and gapless.
    const [counter] = await tx
      .update(workspace)
      .set({ lastIncidentNumber: sql`${workspace.lastIncidentNumber} + 1` })
      .where(eq(workspace.id, 1))
      .returning({ number: workspace.lastIncidentNumber });
    if (!counter) throw new Error("workspace row missing; migrations not applied?");

    const [incident] = await tx
      .insert(incidents)
      .values({
        number: counter.number,
        title: input.title,
        summary: input.summary,
        severityId: severity.id,
        kind: input.kind,
        isPrivate: input.isPrivate,
        impactStartedAt: input.impactStartedAt ?? null,
        detectedAt: now,
        declaredAt: now,
        declaredById: ctx.actor.id,
        updatedAt: now,
      })
      .returning();
    if (!incident) throw new Error("insert returned no row");
    if (chosenServices.length) await tx.insert(incidentServices).values(chosenServices.map((s) => ({ incidentId: incident.id, serviceId: s.id })));
    const participants = [...new Set([ctx.actor.id, commander?.id])].filter((userId): userId is string => userId !== undefined && userId !== ALERTS_USER_ID);
    if (participants.length) await tx.insert(incidentParticipants).values(participants.map((userId) => ({ incidentId: incident.id, userId, addedById: ctx.actor.id })));
    const events: EventInput[] = [
      { kind: "incident.declared", data: { title: input.title, severity: severity.name, kind: input.kind, services: chosenServices.map((s) => s.name), isPrivate: input.isPrivate } },
    ];
    if (commander) {
      const commanderRole = await requireRoleType(tx, "commander");
      await tx.insert(incidentRoleAssignments).values({ incidentId: incident.id, roleTypeId: commanderRole.id, userId: commander.id, assignedById: ctx.actor.id, assignedAt: now });
      events.push({ kind: "role.assigned", data: { role: commanderRole.name, roleKey: "commander", user: commander.name, userId: commander.id, previous: null } });
    }
    const lastEventSeq = await appendEvents(tx, incident, ctx.actor.id, events, now, 1);
    await tx.update(incidents).set({ lastEventSeq }).where(eq(incidents.id, incident.id));
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "incident.declared",
      entityType: "incident",
      entityId: incident.id,
      after: { reference: reference(incident), title: input.title, severity: severity.name },
      requestId: ctx.requestId,
    });
    return { id: incident.id, reference: reference(incident) };
  });
}
