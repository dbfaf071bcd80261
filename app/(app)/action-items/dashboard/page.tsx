import type { Metadata } from "next";
import { Suspense } from "react";
import { ActionItemDashboard } from "@/components/action-items/dashboard/dashboard";
import { readFilters } from "@/components/action-items/dashboard/params";
import { Spinner } from "@/components/ui/spinner";
import { toSearchParams } from "@/lib/search-params";
import type { ActionItemFilters } from "@/server/action-items/schemas";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Action items dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActionItemDashboardPage({ searchParams }: Props) {
  // The dashboard's own queries, from the filters in the address as the dashboard reads them.
  const filters = readFilters(toSearchParams(await searchParams));
  const itemFilters = filters as ActionItemFilters;
  await prefetch(
    trpc.actionItems.dashboard.queryOptions({ ...itemFilters, weeks: Number(filters.weeks ?? 12) }),
    trpc.actionItems.list.queryOptions({ scope: "all", filters: itemFilters, includeClosed: true }),
    trpc.incidents.formOptions.queryOptions(),
    trpc.teams.list.queryOptions(),
  );
  return (
    <HydrateClient>
      {/* The dashboard reads its filters from the query string (useSearchParams), which needs a boundary. */}
      <Suspense fallback={<Spinner label="Loading the dashboard" />}>
        <ActionItemDashboard />
      </Suspense>
    </HydrateClient>
  );
}
