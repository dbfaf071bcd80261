import type { z } from "zod";
import type { ServiceContext } from "@/server/context";
import { mutateIncident } from "./mutate";
import type { postStatusUpdateInput } from "./schemas";

/** The message stakeholders read, tagged with the status at the time it was posted. */
export async function postStatusUpdate({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof postStatusUpdateInput> }) {
  return mutateIncident(ctx, { incidentId: input.incidentId, expectedVersion: null }, async (_tx, incident) => ({
    changesState: false,
    events: [{ kind: "status_update.posted", body: input.body, data: { status: incident.status } }],
    audit: { action: "incident.status_update_posted", after: { status: incident.status } },
  }));
}
