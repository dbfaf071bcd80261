import { eq } from "drizzle-orm";
import type { z } from "zod";
import { incidentServices, services, severities } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import type { EventInput } from "./events";
import { requireServices, requireSeverity } from "./lookups";
import { mutateIncident } from "./mutate";
import type { updateIncidentInput } from "./schemas";

const textFields = { title: "Title", summary: "Summary", customerImpact: "Customer impact" } as const;

/** Edits details during the incident; each changed field becomes its own timeline event with old → new. */
export async function updateIncident({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof updateIncidentInput> }) {
  return mutateIncident(ctx, { incidentId: input.incidentId, expectedVersion: input.expectedVersion }, async (tx, incident) => {
    const set: Record<string, unknown> = {};
    const events: EventInput[] = [];
    const before: Record<string, unknown> = {};

    for (const [field, label] of Object.entries(textFields) as [keyof typeof textFields, string][]) {
      const value = input[field];
      if (value === undefined || value === incident[field]) continue;
      set[field] = value;
      before[field] = incident[field];
      events.push({ kind: "field.changed", data: { field, label, from: incident[field], to: value } });
    }
    if (input.severityId !== undefined && input.severityId !== incident.severityId) {
      const next = await requireSeverity(tx, input.severityId);
      const [previous] = await tx.select().from(severities).where(eq(severities.id, incident.severityId));
      set.severityId = next.id;
      before.severity = previous?.name;
      events.push({ kind: "severity.changed", data: { from: previous?.name ?? null, to: next.name } });
    }
    if (input.links !== undefined && JSON.stringify(input.links) !== JSON.stringify(incident.links)) {
      set.links = input.links;
      before.links = incident.links;
      events.push({ kind: "field.changed", data: { field: "links", label: "Links", from: incident.links, to: input.links } });
    }
    if (input.isPrivate !== undefined && input.isPrivate !== incident.isPrivate) {
      set.isPrivate = input.isPrivate;
      before.isPrivate = incident.isPrivate;
      events.push({ kind: "visibility.changed", data: { isPrivate: input.isPrivate } });
    }
    if (input.serviceIds !== undefined) {
      const chosen = await requireServices(tx, input.serviceIds);
      const current = await tx
        .select({ id: services.id, name: services.name })
        .from(incidentServices)
        .innerJoin(services, eq(services.id, incidentServices.serviceId))
        .where(eq(incidentServices.incidentId, incident.id));
      const added = chosen.filter((s) => !current.some((c) => c.id === s.id));
      const removed = current.filter((c) => !chosen.some((s) => s.id === c.id));
      if (added.length || removed.length) {
        await tx.delete(incidentServices).where(eq(incidentServices.incidentId, incident.id));
        if (chosen.length) await tx.insert(incidentServices).values(chosen.map((s) => ({ incidentId: incident.id, serviceId: s.id })));
        before.services = current.map((s) => s.name);
        events.push({ kind: "services.changed", data: { added: added.map((s) => s.name), removed: removed.map((s) => s.name) } });
      }
    }
    return { set, events, audit: { action: "incident.updated", before, after: { ...set } } };
  });
}
