// The runbook list's filters as the address carries them, read the same way in the browser and by
// the page's server-side prefetch. No React here.
import { freshnessStates, type FreshnessState } from "@/lib/runbooks/freshness";

// Runbook list filters live in the URL so a filtered view can be shared or bookmarked.
export type RunbookFilters = { q: string; serviceId: string | null; teamId: string | null; freshness: FreshnessState | null; mine: boolean };
export type RunbookParam = "q" | "service" | "team" | "freshness" | "mine";
export type RunbookFilterChanges = Partial<Record<RunbookParam, string | null>>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

// A hand-edited link must never become a server error: anything malformed is dropped.
export function parseRunbookFilters(params: { get(name: string): string | null }): RunbookFilters {
  const uuid = (name: RunbookParam) => {
    const value = params.get(name);
    return value && uuidPattern.test(value) ? value : null;
  };
  const freshness = params.get("freshness");
  return {
    q: (params.get("q") ?? "").slice(0, 200),
    serviceId: uuid("service"),
    teamId: uuid("team"),
    freshness: freshnessStates.find((state) => state === freshness) ?? null,
    mine: params.get("mine") === "1",
  };
}

export function toRunbookListInput(filters: RunbookFilters) {
  return {
    q: filters.q.trim() || undefined,
    serviceId: filters.serviceId ?? undefined,
    teamId: filters.teamId ?? undefined,
    freshness: filters.freshness ?? undefined,
    mine: filters.mine || undefined,
  };
}
