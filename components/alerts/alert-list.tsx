"use client";

import { keepPreviousData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { BellOff, SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/lib/cn";
import { useNow } from "@/lib/hooks/use-now";
import { useReadAt } from "@/lib/hooks/use-read-at";
import { LoadError } from "@/components/ui/load-error";
import { AlertFilterBar } from "./alert-filters";
import { AlertRow, AlertRowHeadings, AlertRowSkeleton } from "./alert-row";
import { toAlertListInput } from "./list-query";
import { useAlertFilters } from "./use-alert-filters";

/**
 * Alerts arrive in storms; the server already folds them into at most one signal a second per
 * process, so each signal is one refetch of what this page shows (the list and the noise cut).
 */
function useLiveAlerts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const since = useReadAt(trpc.alerts.list.pathKey());
  useSubscription(
    trpc.alerts.onChanged.subscriptionOptions(
      { since },
      {
        onData: () => {
          void queryClient.invalidateQueries({ queryKey: trpc.alerts.list.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.alerts.noiseCut.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.alerts.sourceOptions.pathKey() });
        },
      },
    ),
  );
}

export function AlertList() {
  const trpc = useTRPC();
  const { filters, update, clear, filterCount } = useAlertFilters();
  const list = useInfiniteQuery(
    trpc.alerts.list.infiniteQueryOptions(toAlertListInput(filters), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      placeholderData: keepPreviousData,
    }),
  );
  useLiveAlerts();
  const now = useNow();
  const alerts = list.data?.pages.flatMap((page) => page.alerts) ?? [];

  return (
    <div className="grid gap-4">
      <AlertFilterBar filters={filters} filterCount={filterCount} onChange={update} onClear={clear} />
      {list.isError ? <LoadError what="alerts" error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? (
        <AlertListSkeleton />
      ) : list.isError && alerts.length === 0 ? null : alerts.length === 0 ? (
        filterCount > 0 ? (
          <EmptyState
            icon={SearchX}
            title="No alerts match these filters"
            description="Try a longer time window or fewer filters."
            action={
              <Button type="button" variant="outline" onClick={clear}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState icon={BellOff} title="No alerts yet" description="Alerts from your monitoring show up here as they arrive. Connect a source under Settings → Alert sources." />
        )
      ) : (
        <>
          <div className={cn("overflow-hidden rounded-lg border border-border bg-card transition-opacity", list.isPlaceholderData && "opacity-60")}>
            <AlertRowHeadings />
            <ul aria-label="Alerts" aria-busy={list.isPlaceholderData} className="divide-y divide-border">
              {alerts.map((alert) => (
                <AlertRow key={alert.id} alert={alert} now={now} />
              ))}
            </ul>
          </div>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p role="status" className="text-sm text-muted-foreground">
              Showing {alerts.length} {alerts.length === 1 ? "alert" : "alerts"}
            </p>
            {list.hasNextPage ? (
              <Button type="button" variant="outline" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}

export function AlertListSkeleton() {
  return (
    <div className="overflow-hidden rounded-lg border border-border bg-card">
      <span role="status" className="sr-only">
        Loading alerts
      </span>
      <div className="divide-y divide-border">
        {Array.from({ length: 5 }, (_, index) => (
          <AlertRowSkeleton key={index} />
        ))}
      </div>
    </div>
  );
}
