import type { Metadata } from "next";
import { Suspense } from "react";
import { DeclareIncidentButton } from "@/components/incidents/declare-dialog";
import { IncidentList } from "@/components/incidents/incident-list";
import { IncidentRowSkeleton } from "@/components/incidents/incident-row";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const user = await requireUser();
  // Viewers read; the server refuses their writes anyway, so the button would only disappoint.
  const canWrite = user.role === "admin" || user.role === "responder";
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Incidents</h1>
        {canWrite ? <DeclareIncidentButton /> : null}
      </div>
      {/* IncidentList reads its filters from the query string (useSearchParams), which needs a boundary. */}
      <Suspense fallback={<ListFallback />}>
        <IncidentList />
      </Suspense>
    </div>
  );
}

function ListFallback() {
  return (
    <div className="overflow-hidden rounded-lg border border-border bg-card">
      <span role="status" className="sr-only">Loading incidents</span>
      <div className="divide-y divide-border">
        {Array.from({ length: 5 }, (_, index) => <IncidentRowSkeleton key={index} />)}
      </div>
    </div>
  );
}
