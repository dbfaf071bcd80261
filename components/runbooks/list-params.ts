import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { parseRunbookFilters, type RunbookFilterChanges } from "./list-query";

export * from "./list-query";

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
