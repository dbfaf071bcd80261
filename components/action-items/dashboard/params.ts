import { actionItemKinds, actionItemPriorities, actionItemStatuses } from "@/lib/action-items";
import { isUuid } from "@/lib/validation/ids";

// The dashboard's state lives in the URL so a lead can share "Payments, overdue" as a link.
export const filterKeys = ["ownerId", "teamId", "kind", "priority", "status", "due", "weeks"] as const;
export type FilterKey = (typeof filterKeys)[number];
export type DashboardFilters = Partial<Record<FilterKey, string>>;

const allowed: Partial<Record<FilterKey, readonly string[]>> = {
  kind: actionItemKinds,
  priority: actionItemPriorities,
  status: [...actionItemStatuses, "active"],
  due: ["overdue", "due_soon"],
  weeks: ["4", "8", "12", "26", "52"],
};

/** Reads known, well-formed filters from the query string; anything else is ignored, not an error page. */
export function readFilters(params: URLSearchParams): DashboardFilters {
  const filters: DashboardFilters = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (!value) continue;
    const options = allowed[key];
    if (options ? options.includes(value) : isUuid(value)) filters[key] = value;
  }
  return filters;
}

export function filtersToQuery(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (filters[key]) params.set(key, filters[key]);
  const query = params.toString();
  return query ? `?${query}` : "";
}
