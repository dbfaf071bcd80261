import type { Metadata } from "next";
import { Suspense } from "react";
import { AlertList, AlertListSkeleton } from "@/components/alerts/alert-list";
import { parseAlertFilters, toAlertListInput } from "@/components/alerts/list-query";
import { NoiseCut } from "@/components/alerts/noise-cut";
import { toSearchParams } from "@/lib/search-params";
import { requireUser } from "@/server/auth/current-user";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Alerts" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AlertsPage({ searchParams }: Props) {
  await requireUser();
  const filters = parseAlertFilters(toSearchParams(await searchParams));
  // The first page exactly as the list asks for it (the time window is relative, so it reads the same).
  await prefetch(
    trpc.alerts.list.infiniteQueryOptions(toAlertListInput(filters), { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    trpc.alerts.sourceOptions.queryOptions(),
    trpc.alerts.noiseCut.queryOptions(),
  );
  return (
    <HydrateClient>
      <div className="grid min-w-0 grid-cols-1 gap-8">
        <div className="grid min-w-0 grid-cols-1 gap-4">
          <h1 className="text-2xl font-semibold">Alerts</h1>
          {/* AlertList reads its filters from the query string (useSearchParams), which needs a boundary. */}
          <Suspense fallback={<AlertListSkeleton />}>
            <AlertList />
          </Suspense>
        </div>
        <NoiseCut />
      </div>
    </HydrateClient>
  );
}
