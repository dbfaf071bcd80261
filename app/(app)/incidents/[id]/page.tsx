import type { Metadata } from "next";
import { IncidentView } from "@/components/incidents/detail/incident-view";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  // A private incident is "not found" for outsiders: the same 404 as a missing one, from the same read.
  const incident = await fetchOrNotFound(trpc.incidents.get.queryOptions({ incidentId: id }));
  await prefetch(
    // Exactly the timeline's first request (every kind, anyone, not only highlights), so it is not asked again.
    trpc.incidents.timeline.queryOptions({ incidentId: incident.id, highlightedOnly: false }),
    trpc.postMortems.forIncident.queryOptions({ incidentId: incident.id }),
    trpc.runbooks.attachedToIncident.queryOptions({ incidentId: incident.id }),
    trpc.runbooks.suggestionsForIncident.queryOptions({ incidentId: incident.id }),
    trpc.runbooks.alertsForIncident.queryOptions({ incidentId: incident.id }),
    // The roles, people and details panels read the pickers' options only for those who may change things.
    ...(can(user, "incident.write") ? [trpc.incidents.formOptions.queryOptions()] : []),
  );
  return (
    <HydrateClient>
      <IncidentView incidentId={id} currentUserId={user.id} />
    </HydrateClient>
  );
}
