import { changesSinceInput } from "@/lib/validation/dates";
import { z } from "zod";
import { incidentListFeed } from "@/server/live/incident-feed";
import { incidentListChange } from "@/server/live/messages";
import { protectedProcedure, responderProcedure, router } from "@/server/trpc/init";
import { rest } from "@/server/trpc/api-meta";
import { serviceContext } from "@/server/trpc/service-context";
import { addNote } from "./add-note";
import { addParticipant } from "./add-participant";
import { assignRole, releaseRole } from "./assign-role";
import { changeStatus } from "./change-status";
import { correctMilestone } from "./correct-milestone";
import { declareIncident } from "./declare";
import { getFormOptions } from "./form-options";
import { getIncident } from "./get";
import { setHighlight } from "./highlight";
import { listIncidents } from "./list";
import { incidentOutput, listIncidentsOutput, mutationResultOutput, timelineEventOutput } from "./outputs";
import { postStatusUpdate } from "./post-status-update";
import { listViewers } from "./presence";
import * as input from "./schemas";
import { getTimeline } from "./timeline";
import { updateIncident } from "./update";

const person = z.object({ id: z.uuid(), name: z.string() });
const versionOf = (incident: { version: number; lastEventSeq: number }) => ({ version: incident.version, lastEventSeq: incident.lastEventSeq });

export const incidentsRouter = router({
  list: protectedProcedure
    .meta(rest("GET", "/incidents", "incidents:read", "List incidents (same filters and cursor as the incidents page)", "Incidents"))
    .input(input.listIncidentsInput)
    .output(listIncidentsOutput)
    .query(({ ctx, input }) => listIncidents({ ctx: serviceContext(ctx), input })),
  get: protectedProcedure
    .meta(rest("GET", "/incidents/{incidentId}", "incidents:read", "Get an incident", "Incidents"))
    .input(input.incidentIdInput)
    .output(incidentOutput)
    .query(({ ctx, input }) => getIncident({ ctx: serviceContext(ctx), input })),
  timeline: protectedProcedure
    .meta(rest("GET", "/incidents/{incidentId}/timeline", "incidents:read", "Read an incident's timeline", "Incidents"))
    .input(input.timelineInput)
    .output(z.array(timelineEventOutput))
    .query(({ ctx, input }) => getTimeline({ ctx: serviceContext(ctx), input })),
  formOptions: protectedProcedure
    .input(z.void())
    .output(
      z.object({
        severities: z.array(z.object({ id: z.number(), name: z.string(), rank: z.number(), description: z.string() })),
        services: z.array(z.object({ id: z.uuid(), name: z.string(), tier: z.number() })),
        roles: z.array(z.object({ key: z.string(), name: z.string(), guide: z.string() })),
        responders: z.array(person),
        people: z.array(person),
      }),
    )
    .query(({ ctx }) => getFormOptions({ ctx: serviceContext(ctx) })),
  viewers: protectedProcedure
    .input(input.incidentIdInput)
    .output(z.array(person))
    .query(({ ctx, input }) => listViewers({ ctx: serviceContext(ctx), input })),

  declare: responderProcedure
    .meta(rest("POST", "/incidents", "incidents:write", "Declare an incident", "Incidents"))
    .input(input.declareIncidentInput)
    .output(z.object({ id: z.uuid(), reference: z.string() }))
    .mutation(({ ctx, input }) => declareIncident({ ctx: serviceContext(ctx), input })),
  changeStatus: responderProcedure
    .meta(rest("POST", "/incidents/{incidentId}/status", "incidents:write", "Change an incident's status", "Incidents"))
    .input(input.changeStatusInput)
    .output(mutationResultOutput)
    .mutation(async ({ ctx, input }) => versionOf(await changeStatus({ ctx: serviceContext(ctx), input }))),
  update: responderProcedure
    .meta(rest("PATCH", "/incidents/{incidentId}", "incidents:write", "Update an incident's fields", "Incidents"))
    .input(input.updateIncidentInput)
    .output(mutationResultOutput)
    .mutation(async ({ ctx, input }) => versionOf(await updateIncident({ ctx: serviceContext(ctx), input }))),
  correctMilestone: responderProcedure
    .input(input.correctMilestoneInput)
    .output(mutationResultOutput)
    .mutation(async ({ ctx, input }) => versionOf(await correctMilestone({ ctx: serviceContext(ctx), input }))),
  assignRole: responderProcedure
    .meta(rest("POST", "/incidents/{incidentId}/roles", "incidents:write", "Assign an incident role", "Incidents"))
    .input(input.assignRoleInput)
    .output(mutationResultOutput)
    .mutation(async ({ ctx, input }) => versionOf(await assignRole({ ctx: serviceContext(ctx), input }))),
  releaseRole: responderProcedure
    .input(input.releaseRoleInput)
    .output(mutationResultOutput)
    .mutation(async ({ ctx, input }) => versionOf(await releaseRole({ ctx: serviceContext(ctx), input }))),
  addNote: responderProcedure
    .meta(rest("POST", "/incidents/{incidentId}/notes", "incidents:write", "Add a note to the timeline", "Incidents"))
    .input(input.addNoteInput)
    .output(mutationResultOutput)
    .mutation(async ({ ctx, input }) => versionOf(await addNote({ ctx: serviceContext(ctx), input }))),
  postStatusUpdate: responderProcedure
    .meta(rest("POST", "/incidents/{incidentId}/status-updates", "incidents:write", "Post a status update for stakeholders", "Incidents"))
    .input(input.postStatusUpdateInput)
    .output(mutationResultOutput)
    .mutation(async ({ ctx, input }) => versionOf(await postStatusUpdate({ ctx: serviceContext(ctx), input }))),
  addParticipant: responderProcedure
    .input(input.addParticipantInput)
    .output(mutationResultOutput)
    .mutation(async ({ ctx, input }) => versionOf(await addParticipant({ ctx: serviceContext(ctx), input }))),
  setHighlight: responderProcedure
    .input(input.highlightInput)
    .output(z.object({ eventId: z.number(), isHighlighted: z.boolean() }))
    .mutation(({ ctx, input }) => setHighlight({ ctx: serviceContext(ctx), input })),
  onListChanged: protectedProcedure.input(changesSinceInput).subscription(async function* ({ ctx, signal, input }) {
    for await (const incidentId of incidentListFeed(serviceContext(ctx), signal, input?.since)) yield incidentListChange.parse({ incidentId });
  }),
});
