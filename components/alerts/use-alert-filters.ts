import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { alertFilterParams, countAlertFilters, parseAlertFilters, type AlertFilterChanges } from "./list-query";

/** Filters live in the query string so a filtered view of alerts can be shared or bookmarked. */
export function useAlertFilters() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const filters = useMemo(() => parseAlertFilters(searchParams), [searchParams]);

  // Discrete choices get a history entry (Back undoes them); typing replaces it instead of flooding history.
  const update = useCallback(
    (changes: AlertFilterChanges, { replace = false }: { replace?: boolean } = {}) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [name, value] of Object.entries(changes)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      const query = next.toString();
      const href = query ? `${pathname}?${query}` : pathname;
      if (replace) router.replace(href, { scroll: false });
      else router.push(href, { scroll: false });
    },
    [pathname, router, searchParams],
  );

  const clear = useCallback(() => update(Object.fromEntries(alertFilterParams.map((name) => [name, null]))), [update]);

  return { filters, update, clear, filterCount: countAlertFilters(filters) };
}
