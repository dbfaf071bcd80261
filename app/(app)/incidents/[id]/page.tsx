import type { Metadata } from "next";
import { IncidentView } from "@/components/incidents/detail/incident-view";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";
import { fetchOrNotFound, getQueryClient, HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  // A private incident is "not found" for outsiders: the same 404 as a missing one, from the same read.
  const incident = await fetchOrNotFound(trpc.incidents.get.queryOptions({ incidentId: id }));
  const incidentId = incident.id;
  const canWrite = can(user, "incident.write");
  const postMortem = trpc.postMortems.forIncident.queryOptions({ incidentId });
  // Each query exactly as its panel first asks for it, so the browser does not ask again.
  await prefetch(
    // The timeline's first view: every kind, anyone, not only highlights.
    trpc.incidents.timeline.queryOptions({ incidentId, highlightedOnly: false }),
    postMortem,
    trpc.actionItems.list.queryOptions({ scope: "incident", incidentId, includeClosed: true }),
    trpc.runbooks.attachedToIncident.queryOptions({ incidentId }),
    trpc.runbooks.suggestionsForIncident.queryOptions({ incidentId }),
    trpc.runbooks.alertsForIncident.queryOptions({ incidentId }),
    // The roles, people and details panels read the pickers' options only for those who may change things.
    ...(canWrite ? [trpc.incidents.formOptions.queryOptions()] : []),
  );
  // The template choice appears where PostMortemLink offers to start one: no post-mortem yet, and
  // the incident mitigated or the viewer its commander.
  const isCommander = incident.roles.some((role) => role.key === "commander" && role.holder?.id === user.id);
  const canStart = canWrite && getQueryClient().getQueryData(postMortem.queryKey) === null && (Boolean(incident.milestones.mitigatedAt) || isCommander);
  if (canStart) await prefetch(trpc.postMortems.templates.queryOptions());
  return (
    <HydrateClient>
      <IncidentView incidentId={id} currentUserId={user.id} />
    </HydrateClient>
  );
}
