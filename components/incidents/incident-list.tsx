"use client";

import { keepPreviousData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { Inbox, SearchX } from "lucide-react";
import { useEffect, useRef } from "react";
import { useReadAt } from "@/lib/hooks/use-read-at";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/components/trpc/client";
import { LoadError } from "@/components/ui/load-error";
import { IncidentRow, IncidentRowHeadings, IncidentRowSkeleton } from "./incident-row";
import { ListFilterBar, StatusTabs } from "./list-filters";
import { countForTab, toListInput, useListFilters, type StatusTab } from "./list-params";
import { useNow } from "@/lib/hooks/use-now";

const emptyByTab: Record<StatusTab, { title: string; description: string }> = {
  active: { title: "No active incidents", description: "All quiet. A newly declared incident shows up here at once." },
  resolved: { title: "No resolved incidents", description: "Incidents move here once they are resolved." },
  closed: { title: "No closed incidents", description: "Closed, declined, merged and canceled incidents are listed here." },
  all: { title: "No incidents yet", description: "Declared incidents and drills will be listed here." },
};

/**
 * Refetch the list whenever an incident the viewer may see changes anywhere. A burst of
 * changes (a busy incident channel) is folded into one refetch.
 */
function useLiveIncidentList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );
  const refetchSoon = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void queryClient.invalidateQueries({ queryKey: trpc.incidents.list.pathKey() });
    }, 250);
  };
  const since = useReadAt(trpc.incidents.list.pathKey());
  useSubscription(trpc.incidents.onListChanged.subscriptionOptions({ since }, { onData: refetchSoon }));
}

export function IncidentList() {
  const trpc = useTRPC();
  const { filters, hrefFor, update, clear, narrowingCount } = useListFilters();
  const list = useInfiniteQuery(
    trpc.incidents.list.infiniteQueryOptions(toListInput(filters), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      // Keep the current rows on screen while another filter loads, instead of flashing skeletons.
      placeholderData: keepPreviousData,
    }),
  );
  useLiveIncidentList();
  const now = useNow();

  const incidents = list.data?.pages.flatMap((page) => page.incidents) ?? [];
  const counts = list.data?.pages[0]?.countsByStatus ?? undefined;
  const total = counts ? countForTab(filters.status, counts) : null;
  const empty = emptyByTab[filters.status];

  return (
    <div className="grid gap-4">
      <StatusTabs current={filters.status} counts={counts} hrefFor={hrefFor} />
      <ListFilterBar filters={filters} narrowingCount={narrowingCount} onChange={update} onClear={clear} />

      {list.isError ? <LoadError what="incidents" error={list.error} onRetry={() => void list.refetch()} /> : null}

      {list.isPending ? (
        <div className="overflow-hidden rounded-lg border border-border bg-card">
          <span role="status" className="sr-only">
            Loading incidents
          </span>
          <IncidentRowHeadings />
          <div className="divide-y divide-border">
            {Array.from({ length: 5 }, (_, index) => (
              <IncidentRowSkeleton key={index} />
            ))}
          </div>
        </div>
      ) : list.isError && incidents.length === 0 ? null : incidents.length === 0 ? (
        narrowingCount > 0 ? (
          <EmptyState
            icon={SearchX}
            title="No incidents match these filters"
            description="Try a wider date range, another status tab or fewer filters."
            action={
              <Button type="button" variant="outline" onClick={clear}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState icon={Inbox} title={empty.title} description={empty.description} />
        )
      ) : (
        <>
          <div className={cn("overflow-hidden rounded-lg border border-border bg-card transition-opacity", list.isPlaceholderData && "opacity-60")}>
            <IncidentRowHeadings />
            <ul aria-label="Incidents" aria-busy={list.isPlaceholderData} className="divide-y divide-border">
              {incidents.map((incident) => (
                <IncidentRow key={incident.id} incident={incident} now={now} />
              ))}
            </ul>
          </div>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p role="status" className="text-sm text-muted-foreground">
              {total !== null && total >= incidents.length ? `Showing ${incidents.length} of ${total}` : `Showing ${incidents.length}`}
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
