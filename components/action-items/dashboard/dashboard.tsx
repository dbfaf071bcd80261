"use client";

import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import type { ActionItemFilters } from "@/server/action-items/schemas";
import { useNow } from "@/lib/hooks/use-now";
import { DashboardFilterBar } from "./filters";
import { DashboardFigures } from "./figures";
import { ItemsTable } from "./items-table";
import { filtersToQuery, readFilters, type DashboardFilters, type FilterKey } from "./params";

export function ActionItemDashboard() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const now = useNow();
  const filters = useMemo(() => readFilters(new URLSearchParams(searchParams.toString())), [searchParams]);
  const itemFilters = filters as ActionItemFilters;
  const dashboard = useQuery(trpc.actionItems.dashboard.queryOptions({ ...itemFilters, weeks: Number(filters.weeks ?? 12) }));
  const items = useQuery(trpc.actionItems.list.queryOptions({ scope: "all", ...itemFilters, includeClosed: true }));

  const hrefFor = (changes: Partial<Record<FilterKey, string | null>>) => {
    const next: DashboardFilters = { ...filters };
    for (const [key, value] of Object.entries(changes) as [FilterKey, string | null][]) {
      if (value) next[key] = value;
      else delete next[key];
    }
    return `${pathname}${filtersToQuery(next)}`;
  };
  const exportQuery = filtersToQuery({ ...filters, weeks: undefined });

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <DashboardFilterBar filters={filters} onChange={(key, value) => router.push(hrefFor({ [key]: value }), { scroll: false })} />
        <a href={`/api/action-items/export${exportQuery}`} className="inline-flex items-center gap-2 rounded-md border border-border px-3 py-2 text-sm font-medium hover:bg-accent" download>
          <Download className="size-4" aria-hidden /> Export CSV
        </a>
      </div>
      {dashboard.isPending ? (
        <Spinner label="Loading figures" />
      ) : dashboard.isError ? (
        <p role="alert" className="text-destructive">
          {errorMessage(dashboard.error)}
        </p>
      ) : (
        <DashboardFigures data={dashboard.data} hrefFor={hrefFor} />
      )}
      <section aria-labelledby="items-heading" className="grid gap-3">
        <h2 id="items-heading" className="text-lg font-semibold">
          Items
        </h2>
        {items.isPending ? (
          <Spinner label="Loading action items" />
        ) : items.isError ? (
          <p role="alert" className="text-destructive">
            {errorMessage(items.error)}
          </p>
        ) : (
          <ItemsTable items={items.data} now={now} />
        )}
      </section>
    </div>
  );
}
