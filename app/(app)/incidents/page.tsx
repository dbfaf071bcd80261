import type { Metadata } from "next";
import { Suspense } from "react";
import { DeclareIncidentButton } from "@/components/incidents/declare-dialog";
import { IncidentList } from "@/components/incidents/incident-list";
import { IncidentRowSkeleton } from "@/components/incidents/incident-row";
import { parseFilters, toListInput } from "@/components/incidents/list-query";
import { toSearchParams } from "@/lib/search-params";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Incidents" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IncidentsPage({ searchParams }: Props) {
  const user = await requireUser();
  const filters = parseFilters(toSearchParams(await searchParams));
  // The first page exactly as the list asks for it. A date range is a day in the viewer's own time
  // zone, which the server does not know: those lists load in the browser.
  const hasDateRange = Boolean(filters.from || filters.to);
  await prefetch(
    trpc.incidents.formOptions.queryOptions(),
    ...(hasDateRange ? [] : [trpc.incidents.list.infiniteQueryOptions(toListInput(filters), { getNextPageParam: (page) => page.nextCursor ?? undefined })]),
  );
  return (
    <HydrateClient>
      <div className="grid gap-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">Incidents</h1>
          {/* Viewers read; the server refuses their writes anyway, so the button would only disappoint. */}
          {can(user, "incident.write") ? <DeclareIncidentButton /> : null}
        </div>
        {/* IncidentList reads its filters from the query string (useSearchParams), which needs a boundary. */}
        <Suspense fallback={<ListFallback />}>
          <IncidentList />
        </Suspense>
      </div>
    </HydrateClient>
  );
}

function ListFallback() {
  return (
    <div className="overflow-hidden rounded-lg border border-border bg-card">
      <span role="status" className="sr-only">
        Loading incidents
      </span>
      <div className="divide-y divide-border">
        {Array.from({ length: 5 }, (_, index) => (
          <IncidentRowSkeleton key={index} />
        ))}
      </div>
    </div>
  );
}
