import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { countNarrowingFilters, narrowingParams, parseFilters, type FilterChanges } from "./list-query";

export * from "./list-query";

type ParamReader = { get(name: string): string | null };

function withChanges(current: ParamReader & { toString(): string }, changes: FilterChanges): string {
  const next = new URLSearchParams(current.toString());
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next.toString();
}

/** Filters live in the query string so a filtered view can be shared or bookmarked. */
export function useListFilters() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);

  const hrefFor = useCallback(
    (changes: FilterChanges) => {
      const query = withChanges(searchParams, changes);
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname, searchParams],
  );

  // Discrete choices get a history entry (Back undoes them); typing replaces it instead of flooding history.
  const update = useCallback(
    (changes: FilterChanges, { replace = false }: { replace?: boolean } = {}) => {
      const href = hrefFor(changes);
      if (replace) router.replace(href, { scroll: false });
      else router.push(href, { scroll: false });
    },
    [hrefFor, router],
  );

  const clear = useCallback(() => update(Object.fromEntries(narrowingParams.map((name) => [name, null]))), [update]);

  return { filters, hrefFor, update, clear, narrowingCount: countNarrowingFilters(filters) };
}
