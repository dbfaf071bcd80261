"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { BookOpen, Search, SearchX } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select-native";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { freshnessLabels, freshnessStates } from "@/lib/runbooks/freshness";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import { FreshnessBadge, FreshnessReasons } from "./freshness-badge";
import { toRunbookListInput, useRunbookFilters, type RunbookFilterChanges } from "./list-params";
import { formatDate } from "@/lib/time-format";

const views = [
  { key: "all", label: "All runbooks", changes: { freshness: null, mine: null } },
  { key: "stale-mine", label: "Stale — my teams", changes: { freshness: "stale", mine: "1" } },
] as const;

export function RunbookList() {
  const trpc = useTRPC();
  const { filters, hrefFor, update, narrowingCount } = useRunbookFilters();
  const list = useQuery({ ...trpc.runbooks.list.queryOptions(toRunbookListInput(filters)), placeholderData: keepPreviousData });
  const services = useQuery(trpc.services.list.queryOptions());
  const teams = useQuery(trpc.teams.list.queryOptions());
  const currentView = filters.freshness === "stale" && filters.mine ? "stale-mine" : narrowingCount === 0 ? "all" : null;
  const items = list.data?.items ?? [];
  const commitQuery = useCallback((q: string) => update({ q: q || null }), [update]);

  return (
    <div className="grid gap-4">
      <nav aria-label="Runbook views" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1">
          {views.map((view) => (
            <li key={view.key}>
              <Link
                href={hrefFor({ ...view.changes, q: null, service: null, team: null })}
                scroll={false}
                aria-current={currentView === view.key ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-2 text-sm font-medium text-muted-foreground hover:bg-accent hover:text-accent-foreground",
                  currentView === view.key && "bg-accent text-accent-foreground",
                )}
              >
                {view.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-center">
        <SearchField value={filters.q} onCommit={commitQuery} />
        <NativeSelect aria-label="Service" value={filters.serviceId ?? ""} onChange={(e) => update({ service: e.target.value || null })}>
          <option value="">Any service</option>
          {services.data?.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect aria-label="Owner team" value={filters.teamId ?? ""} onChange={(e) => update({ team: e.target.value || null })}>
          <option value="">Any team</option>
          {teams.data?.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect aria-label="Freshness" value={filters.freshness ?? ""} onChange={(e) => update({ freshness: e.target.value || null })}>
          <option value="">Any freshness</option>
          {freshnessStates.map((state) => (
            <option key={state} value={state}>
              {freshnessLabels[state]}
            </option>
          ))}
        </NativeSelect>
        <label className="flex items-center gap-2 text-sm whitespace-nowrap">
          <input type="checkbox" className="size-4 accent-primary" checked={filters.mine} onChange={(e) => update({ mine: e.target.checked ? "1" : null } satisfies RunbookFilterChanges)} />
          My teams only
        </label>
      </div>

      {list.isError ? (
        <p role="alert" className="text-sm text-destructive">
          Could not load runbooks: {errorMessage(list.error)}
        </p>
      ) : null}
      {list.isPending ? (
        <Spinner label="Loading runbooks" />
      ) : items.length === 0 ? (
        narrowingCount > 0 ? (
          <EmptyState
            icon={SearchX}
            title="No runbooks match"
            description="Try other words or fewer filters."
            action={
              <Button variant="outline" asChild>
                <Link href="/runbooks">Clear filters</Link>
              </Button>
            }
          />
        ) : (
          <EmptyState icon={BookOpen} title="No runbooks yet" description="Write one, or import your wiki pages as Markdown." />
        )
      ) : (
        <ul
          aria-label="Runbooks"
          aria-busy={list.isPlaceholderData}
          className={cn("divide-y divide-border overflow-hidden rounded-lg border border-border bg-card", list.isPlaceholderData && "opacity-60")}
        >
          {items.map((runbook) => (
            <li key={runbook.id} className="grid gap-1 p-4 sm:grid-cols-[1fr_auto] sm:gap-4" data-testid="runbook-row">
              <div className="grid min-w-0 gap-1">
                <Link href={`/runbooks/${runbook.id}`} className="font-medium break-words hover:underline">
                  {runbook.title}
                </Link>
                {runbook.summary ? <p className="text-sm break-words text-muted-foreground">{runbook.summary}</p> : null}
                <p className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
                  <span>{runbook.ownerTeam ? `Owner: ${runbook.ownerTeam.name}` : "No owner team"}</span>
                  {runbook.services.length ? <span>· {runbook.services.map((s) => s.name).join(", ")}</span> : null}
                  <span>· revision {runbook.revision}</span>
                  <span>· {runbook.lastReviewedAt ? `reviewed ${formatDate(runbook.lastReviewedAt)}` : "never reviewed"}</span>
                </p>
              </div>
              <div className="grid content-start gap-1 sm:justify-items-end sm:text-right">
                <FreshnessBadge freshness={runbook.freshness} />
                <FreshnessReasons freshness={runbook.freshness} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Local text so typing is never fought by the router; committed after a pause or on Enter. */
function SearchField({ value, onCommit }: { value: string; onCommit: (q: string) => void }) {
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setDraft(value);
  }, [value]);
  useEffect(() => {
    const text = draft.trim();
    if (text === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = text;
      onCommit(text);
    }, 300);
    return () => clearTimeout(timer);
  }, [draft, onCommit]);
  return (
    <form
      role="search"
      className="relative min-w-0 sm:col-span-2 lg:col-span-1"
      onSubmit={(e) => {
        e.preventDefault();
        committed.current = draft.trim();
        onCommit(draft.trim());
      }}
    >
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input type="search" aria-label="Search runbooks" placeholder="Search title and text" value={draft} maxLength={200} onChange={(e) => setDraft(e.target.value)} className="pl-9" />
    </form>
  );
}
