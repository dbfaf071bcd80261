import type { z } from "zod";
import { canTransition, isOpen, milestonesStampedBy, needsReason, statusLabels, type Milestone } from "@/lib/incident-lifecycle";
import type { ServiceContext } from "@/server/context";
import { invalid } from "@/server/errors";
import { findVisibleIncidentByNumber, reference } from "./access";
import { mutateIncident, type Mutation } from "./mutate";
import type { changeStatusInput } from "./schemas";

export async function changeStatus({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof changeStatusInput> }) {
  return mutateIncident(ctx, { incidentId: input.incidentId, expectedVersion: input.expectedVersion }, async (tx, incident, now) => {
    if (!canTransition(incident.status, input.to)) {
      throw invalid(`An incident in ${statusLabels[incident.status].toLowerCase()} cannot move to ${statusLabels[input.to].toLowerCase()}.`, "to");
    }
    if (needsReason(input.to) && !input.reason) throw invalid(`Say why the incident is ${statusLabels[input.to].toLowerCase()}.`, "reason");

    let mergedInto: { id: string; reference: string } | null = null;
    if (input.to === "merged") {
      if (!input.mergedIntoNumber) throw invalid("Choose the incident this one merges into.", "mergedIntoNumber");
      // Through the visibility rule: a private incident one cannot see is as absent as a number never used.
      const target = await findVisibleIncidentByNumber(tx, ctx.actor, input.mergedIntoNumber);
      if (!target || target.id === incident.id) throw invalid("Merge into another existing incident.", "mergedIntoNumber");
      mergedInto = { id: target.id, reference: reference(target) };
    }

    // Reopening = going back to an open status from a closed-out one; it clears resolved/closed.
    const isReopen = !isOpen(incident.status) && isOpen(input.to);
    const set: Mutation["set"] & {} = {
      status: input.to,
      closingReason: needsReason(input.to) ? (input.reason ?? null) : null,
      mergedIntoId: mergedInto?.id ?? null,
    };
    const stamped = milestonesStampedBy(input.to).filter((name) => !incident[name]);
    for (const name of stamped) set[name as Exclude<Milestone, "declaredAt">] = now;
    if (isReopen) {
      set.resolvedAt = null;
      set.closedAt = null;
    }
    return {
      set,
      events: [{ kind: "status.changed", data: { from: incident.status, to: input.to, reason: input.reason ?? null, mergedInto: mergedInto?.reference ?? null, stamped, reopened: isReopen } }],
      audit: { action: "incident.status_changed", before: { status: incident.status }, after: { status: input.to } },
    };
  });
}
