import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentView } from "@/components/incidents/detail/incident-view";
import { requireUser } from "@/server/auth/current-user";
import { canSeeIncident } from "@/server/incidents/page-access";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  // Private incidents are "not found" for outsiders: same page, same status, as a missing one.
  if (!(await canSeeIncident(user, id))) notFound();
  return <IncidentView incidentId={id} currentUserId={user.id} />;
}
