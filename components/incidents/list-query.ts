// The incident list's filters as the address carries them, read the same way in the browser and
// by the page's server-side prefetch (so both ask for exactly the same list). No React here.
import type { inferRouterInputs } from "@trpc/server";
import { incidentKinds, openStatuses, type IncidentKind, type IncidentStatus } from "@/lib/incident-lifecycle";
import type { AppRouter } from "@/server/trpc/root";

export type ListIncidentsInput = inferRouterInputs<AppRouter>["incidents"]["list"];

// "Closed" gathers every way an incident can end without being resolved, so declined or
// merged incidents do not vanish from every tab but "All".
export const statusTabs = [
  { key: "active", label: "Active", statuses: openStatuses },
  { key: "resolved", label: "Resolved", statuses: ["resolved"] },
  { key: "closed", label: "Closed", statuses: ["closed", "declined", "merged", "canceled"] },
  { key: "all", label: "All", statuses: null },
] as const satisfies readonly { key: string; label: string; statuses: readonly IncidentStatus[] | null }[];
export type StatusTab = (typeof statusTabs)[number]["key"];

export const sortOptions = [
  { value: "active_first", label: "Active first" },
  { value: "newest", label: "Newest first" },
  { value: "oldest", label: "Oldest first" },
  { value: "severity", label: "Most severe first" },
] as const;
export type ListSort = (typeof sortOptions)[number]["value"];

export type ListFilters = {
  status: StatusTab;
  severityId: number | null;
  serviceId: string | null;
  commanderId: string | null;
  kind: IncidentKind | null;
  /** Calendar days (YYYY-MM-DD) in the viewer's time zone, inclusive. */
  from: string | null;
  to: string | null;
  text: string;
  sort: ListSort;
};

/** The query-string names; short so a shared link stays readable. */
export type FilterParam = "status" | "severity" | "service" | "commander" | "kind" | "from" | "to" | "q" | "sort";
export type FilterChanges = Partial<Record<FilterParam, string | null>>;

// Params that narrow the result set (the status tab and sort order are views, not filters).
export const narrowingParams = ["severity", "service", "commander", "kind", "from", "to", "q"] as const satisfies readonly FilterParam[];

// Same shape zod's z.uuid() accepts on the server (version 1-8, RFC variant), so a bad id is dropped here, not refused there.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

type ParamReader = { get(name: string): string | null };

// A hand-edited or stale link must never turn into a server error, so anything malformed is dropped.
export function parseFilters(params: ParamReader): ListFilters {
  const status = statusTabs.find((tab) => tab.key === params.get("status"))?.key ?? "active";
  const severity = Number(params.get("severity"));
  const uuid = (name: FilterParam) => {
    const value = params.get(name);
    return value && uuidPattern.test(value) ? value : null;
  };
  const day = (name: FilterParam) => {
    const value = params.get(name);
    return value && dayPattern.test(value) && !Number.isNaN(new Date(`${value}T00:00`).getTime()) ? value : null;
  };
  return {
    status,
    severityId: Number.isInteger(severity) && severity > 0 ? severity : null,
    serviceId: uuid("service"),
    commanderId: uuid("commander"),
    kind: incidentKinds.find((kind) => kind === params.get("kind")) ?? null,
    from: day("from"),
    to: day("to"),
    text: (params.get("q") ?? "").trim().slice(0, 200),
    sort: sortOptions.find((option) => option.value === params.get("sort"))?.value ?? "active_first",
  };
}

export function toListInput(filters: ListFilters): ListIncidentsInput {
  const statuses = statusTabs.find((tab) => tab.key === filters.status)?.statuses;
  return {
    statuses: statuses ? [...statuses] : undefined,
    severityIds: filters.severityId ? [filters.severityId] : undefined,
    serviceId: filters.serviceId ?? undefined,
    commanderId: filters.commanderId ?? undefined,
    kind: filters.kind ?? undefined,
    // Local midnight to local end of day: "to 12 March" includes incidents declared that evening.
    from: filters.from ? new Date(`${filters.from}T00:00:00`) : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`) : undefined,
    text: filters.text || undefined,
    sort: filters.sort,
  };
}

export function countNarrowingFilters(filters: ListFilters): number {
  return [filters.severityId, filters.serviceId, filters.commanderId, filters.kind, filters.from, filters.to, filters.text || null].filter((value) => value !== null).length;
}

/** Tab counts from the server's per-status counts (which ignore the status filter). */
export function countForTab(tab: StatusTab, countsByStatus: Record<string, number>): number {
  const statuses = statusTabs.find((candidate) => candidate.key === tab)?.statuses;
  const keys = statuses ?? Object.keys(countsByStatus);
  return keys.reduce((sum, status) => sum + (countsByStatus[status] ?? 0), 0);
}
