"use client";

import { useQuery } from "@tanstack/react-query";
import { Search, SlidersHorizontal, X } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/components/trpc/client";
import { countForTab, sortOptions, statusTabs, type FilterChanges, type FilterParam, type ListFilters, type StatusTab } from "./list-params";

type UpdateFilters = (changes: FilterChanges, options?: { replace?: boolean }) => void;

export function StatusTabs({ current, counts, hrefFor }: { current: StatusTab; counts: Record<string, number> | undefined; hrefFor: (changes: FilterChanges) => string }) {
  return (
    <nav aria-label="Incident status" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1">
        {statusTabs.map((tab) => {
          const isCurrent = tab.key === current;
          return (
            <li key={tab.key}>
              <Link
                href={hrefFor({ status: tab.key === "active" ? null : tab.key })}
                scroll={false}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground",
                  "focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden",
                  isCurrent && "bg-accent text-accent-foreground",
                )}
              >
                {tab.label}
                {counts ? <span className="rounded-full bg-background px-1.5 text-xs tabular-nums">{countForTab(tab.key, counts)}</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * Local copy of a URL value so typing is never fought by the router. It resyncs when the URL
 * changes from elsewhere (Back, "Clear filters"), but not when the change is our own commit.
 */
function useDraft(urlValue: string) {
  const [draft, setDraft] = useState(urlValue);
  const committed = useRef(urlValue);
  useEffect(() => {
    if (urlValue === committed.current) return;
    committed.current = urlValue;
    setDraft(urlValue);
  }, [urlValue]);
  return { draft, setDraft, committed };
}

function SearchField({ value, onChange }: { value: string; onChange: UpdateFilters }) {
  const { draft, setDraft, committed } = useDraft(value);
  const commit = (text: string) => {
    committed.current = text;
    onChange({ q: text || null }, { replace: true });
  };

  // Debounced so each keystroke does not cost a query.
  useEffect(() => {
    const text = draft.trim();
    if (text === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = text;
      onChange({ q: text || null }, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [draft, committed, onChange]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    commit(draft.trim());
  }

  return (
    <form role="search" onSubmit={submit} className="relative min-w-0 flex-1">
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label="Search incidents"
        placeholder="Search title, summary or INC-12"
        value={draft}
        maxLength={200}
        onChange={(event) => setDraft(event.target.value)}
        className="pl-9"
      />
    </form>
  );
}

// Typing a year into a date field passes through "0002", "0020"…; only plausible years are committed.
const isCommittableDay = (value: string) => value === "" || /^(19[7-9]\d|2\d{3})-\d{2}-\d{2}$/.test(value);

function DateField({ param, label, value, min, max, onChange }: { param: FilterParam; label: string; value: string | null; min?: string; max?: string; onChange: UpdateFilters }) {
  const id = useId();
  const { draft, setDraft, committed } = useDraft(value ?? "");
  function change(event: ChangeEvent<HTMLInputElement>) {
    const next = event.target.value;
    setDraft(next);
    if (!isCommittableDay(next)) return;
    committed.current = next;
    onChange({ [param]: next || null });
  }
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} type="date" value={draft} min={min} max={max} onChange={change} />
    </div>
  );
}

type FilterBarProps = {
  filters: ListFilters;
  narrowingCount: number;
  onChange: UpdateFilters;
  onClear: () => void;
};

export function ListFilterBar({ filters, narrowingCount, onChange, onClear }: FilterBarProps) {
  const trpc = useTRPC();
  const options = useQuery(trpc.incidents.formOptions.queryOptions());
  const panelId = useId();
  const fieldId = useId();
  // On phones the panel starts folded unless a shared link already narrows the list.
  const [isPanelOpen, setIsPanelOpen] = useState(() => narrowingCount - (filters.text ? 1 : 0) > 0);
  const select = (param: FilterParam) => (event: ChangeEvent<HTMLSelectElement>) => onChange({ [param]: event.target.value || null });

  return (
    <div className="grid gap-3">
      <div className="flex gap-2">
        <SearchField value={filters.text} onChange={onChange} />
        <Button type="button" variant="outline" className="md:hidden" aria-expanded={isPanelOpen} aria-controls={panelId} onClick={() => setIsPanelOpen((open) => !open)}>
          <SlidersHorizontal aria-hidden />
          Filters
          {narrowingCount > 0 ? <Badge variant="secondary">{narrowingCount}</Badge> : null}
        </Button>
      </div>
      <div id={panelId} className={cn("grid gap-3 sm:grid-cols-2 md:grid-cols-4", !isPanelOpen && "hidden md:grid")}>
        <div className="grid gap-1.5">
          <Label htmlFor={`${fieldId}-severity`}>Severity</Label>
          <NativeSelect id={`${fieldId}-severity`} value={filters.severityId === null ? "" : String(filters.severityId)} onChange={select("severity")}>
            <option value="">All severities</option>
            {options.data?.severities.map((severity) => (
              <option key={severity.id} value={severity.id}>
                {severity.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${fieldId}-service`}>Service</Label>
          <NativeSelect id={`${fieldId}-service`} value={filters.serviceId ?? ""} onChange={select("service")}>
            <option value="">All services</option>
            {options.data?.services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${fieldId}-commander`}>Commander</Label>
          <NativeSelect id={`${fieldId}-commander`} value={filters.commanderId ?? ""} onChange={select("commander")}>
            <option value="">Anyone</option>
            {options.data?.responders.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${fieldId}-kind`}>Kind</Label>
          <NativeSelect id={`${fieldId}-kind`} value={filters.kind ?? ""} onChange={select("kind")}>
            <option value="">Incidents and drills</option>
            <option value="incident">Incidents only</option>
            <option value="drill">Drills only</option>
          </NativeSelect>
        </div>
        <DateField param="from" label="Declared from" value={filters.from} max={filters.to ?? undefined} onChange={onChange} />
        <DateField param="to" label="Declared to" value={filters.to} min={filters.from ?? undefined} onChange={onChange} />
        <div className="grid gap-1.5">
          <Label htmlFor={`${fieldId}-sort`}>Sort</Label>
          <NativeSelect id={`${fieldId}-sort`} value={filters.sort} onChange={(event) => onChange({ sort: event.target.value === "active_first" ? null : event.target.value })}>
            {sortOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        {narrowingCount > 0 ? (
          <div className="flex items-end">
            <Button type="button" variant="ghost" onClick={onClear}>
              <X aria-hidden />
              Reset filters
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
