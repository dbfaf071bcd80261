// The alerts list's filters as the address carries them, read the same way in the browser and by the
// page's server-side prefetch (so both ask for exactly the same list). No React here.
import type { inferRouterInputs } from "@trpc/server";
import { alertStatuses, alertTiers, alertWindows, type AlertStatus, type AlertTier, type AlertWindow } from "@/lib/alerts";
import type { AppRouter } from "@/server/trpc/root";

export type ListAlertsInput = inferRouterInputs<AppRouter>["alerts"]["list"];

export type AlertFilters = {
  sourceId: string | null;
  status: AlertStatus | null;
  tier: AlertTier | null;
  /** `name=value`, as typed. */
  label: string;
  window: AlertWindow | null;
};

/** The query-string names. */
export type AlertFilterParam = "source" | "status" | "tier" | "label" | "time";
export type AlertFilterChanges = Partial<Record<AlertFilterParam, string | null>>;
export const alertFilterParams = ["source", "status", "tier", "label", "time"] as const satisfies readonly AlertFilterParam[];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
// The server's rule (server/alerts/schemas.ts labelFilter): a half-typed label is not sent, so it is no error.
const labelPattern = /^\s*[a-zA-Z_][a-zA-Z0-9_]*\s*=\s*\S.*$/s;

type ParamReader = { get(name: string): string | null };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null => values.find((candidate) => candidate === value) ?? null;

// A hand-edited or stale link must never turn into a server error, so anything malformed is dropped.
export function parseAlertFilters(params: ParamReader): AlertFilters {
  const source = params.get("source");
  return {
    sourceId: source && uuidPattern.test(source) ? source : null,
    status: oneOf(alertStatuses, params.get("status")),
    tier: oneOf(alertTiers, params.get("tier")),
    label: (params.get("label") ?? "").trim().slice(0, 300),
    window: oneOf(alertWindows, params.get("time")),
  };
}

export const isCompleteLabel = (label: string) => labelPattern.test(label);

export function toAlertListInput(filters: AlertFilters): ListAlertsInput {
  return {
    sourceId: filters.sourceId ?? undefined,
    status: filters.status ?? undefined,
    tier: filters.tier ?? undefined,
    label: isCompleteLabel(filters.label) ? filters.label : undefined,
    window: filters.window ?? undefined,
    limit: 50,
  };
}

export function countAlertFilters(filters: AlertFilters): number {
  return [filters.sourceId, filters.status, filters.tier, filters.label || null, filters.window].filter((value) => value !== null).length;
}
