import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
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

export function useRunbookFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = useMemo(() => parseRunbookFilters(params), [params]);
  // Changes sent to the router but not yet back in useSearchParams: a second quick change (a select
  // right after typing) builds on them instead of undoing them.
  const pending = useRef<RunbookFilterChanges>({});
  useEffect(() => {
    pending.current = {};
  }, [params]);
  const hrefFor = useCallback(
    (changes: RunbookFilterChanges) => {
      const next = new URLSearchParams(params.toString());
      for (const [name, value] of Object.entries(changes)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      const query = next.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [params, pathname],
  );
  const update = useCallback(
    (changes: RunbookFilterChanges) => {
      pending.current = { ...pending.current, ...changes };
      router.replace(hrefFor(pending.current), { scroll: false });
    },
    [router, hrefFor],
  );
  const narrowingCount = [filters.q, filters.serviceId, filters.teamId, filters.freshness, filters.mine || null].filter(Boolean).length;
  return { filters, hrefFor, update, narrowingCount };
}
