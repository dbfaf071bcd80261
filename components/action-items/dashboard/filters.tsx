"use client";

import { useQuery } from "@tanstack/react-query";
import { NativeSelect } from "@/components/ui/select-native";
import { actionItemKinds, actionItemPriorities, actionItemStatuses, actionItemStatusLabels } from "@/lib/action-items";
import { useTRPC } from "@/components/trpc/client";
import type { DashboardFilters, FilterKey } from "./params";

/** Every filter is a URL parameter: changing one pushes a history entry, so Back returns to the previous filter. */
export function DashboardFilterBar({ filters, onChange }: { filters: DashboardFilters; onChange: (key: FilterKey, value: string | null) => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.incidents.formOptions.queryOptions());
  const teams = useQuery(trpc.teams.list.queryOptions());
  const select = (key: FilterKey, label: string, anyLabel: string, choices: { value: string; label: string }[]) => (
    <NativeSelect aria-label={label} wrapperClassName="w-full sm:w-44" value={filters[key] ?? ""} onChange={(e) => onChange(key, e.target.value || null)}>
      <option value="">{anyLabel}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </NativeSelect>
  );
  return (
    <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap" role="group" aria-label="Filters">
      {select(
        "ownerId",
        "Owner",
        "Any owner",
        (options.data?.people ?? []).map((p) => ({ value: p.id, label: p.name })),
      )}
      {select(
        "teamId",
        "Team",
        "Any team",
        (teams.data ?? []).map((t) => ({ value: t.id, label: t.name })),
      )}
      {select(
        "kind",
        "Kind",
        "Any kind",
        actionItemKinds.map((k) => ({ value: k, label: k })),
      )}
      {select(
        "priority",
        "Priority",
        "Any priority",
        actionItemPriorities.map((p) => ({ value: p, label: p })),
      )}
      {select("status", "Status", "Any status", [{ value: "active", label: "Open or in progress" }, ...actionItemStatuses.map((s) => ({ value: s, label: actionItemStatusLabels[s] }))])}
      {select("due", "Due", "Any due date", [
        { value: "overdue", label: "Overdue" },
        { value: "due_soon", label: "Due soon" },
      ])}
      {select(
        "weeks",
        "Window",
        "Last 12 weeks",
        ["4", "8", "26", "52"].map((w) => ({ value: w, label: `Last ${w} weeks` })),
      )}
    </div>
  );
}
