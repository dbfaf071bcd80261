import type { z } from "zod";
import { findMilestoneOrderError, milestones } from "@/lib/incident-lifecycle";
import type { ServiceContext } from "@/server/context";
import { invalid } from "@/server/errors";
import { mutateIncident, type Mutation } from "./mutate";
import type { correctMilestoneInput } from "./schemas";

/** Backfills or corrects a milestone; the order impact ≤ detected ≤ declared ≤ … ≤ closed must hold. */
export async function correctMilestone({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof correctMilestoneInput> }) {
  return mutateIncident(ctx, { incidentId: input.incidentId, expectedVersion: input.expectedVersion }, async (_tx, incident, now) => {
    if (input.milestone === "declaredAt" && input.at === null) throw invalid("An incident always has a declaration time.", "at");
    if (input.at && input.at > now) throw invalid("A milestone cannot be in the future.", "at");
    const values = Object.fromEntries(milestones.map((name) => [name, incident[name]]));
    values[input.milestone] = input.at;
    const orderError = findMilestoneOrderError(values);
    if (orderError) throw invalid(orderError, "at");
    const from = incident[input.milestone];
    return {
      set: { [input.milestone]: input.at } as Mutation["set"],
      events: [{ kind: "milestone.corrected", data: { milestone: input.milestone, from: from?.toISOString() ?? null, to: input.at?.toISOString() ?? null } }],
      audit: { action: "incident.milestone_corrected", before: { [input.milestone]: from }, after: { [input.milestone]: input.at } },
    };
  });
}
