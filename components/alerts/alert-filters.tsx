"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { useTRPC } from "@/components/trpc/client";
import { alertTierLabels, alertTiers, alertWindowLabels, alertWindows } from "@/lib/alerts";
import { isCompleteLabel, type AlertFilterChanges, type AlertFilterParam, type AlertFilters } from "./list-query";

type UpdateFilters = (changes: AlertFilterChanges, options?: { replace?: boolean }) => void;

/** The label box keeps its own draft: committed (debounced) once it reads name=value, or is emptied. */
function LabelField({ id, value, onChange }: { id: string; value: string; onChange: UpdateFilters }) {
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  useEffect(() => {
    // Back or "Reset filters" changed the address: show it.
    if (value === committed.current) return;
    committed.current = value;
    setDraft(value);
  }, [value]);
  const text = draft.trim();
  const isIncomplete = text !== "" && !isCompleteLabel(text);
  useEffect(() => {
    if (text === committed.current || isIncomplete) return;
    const timer = setTimeout(() => {
      committed.current = text;
      onChange({ label: text || null }, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [text, isIncomplete, onChange]);
  return (
    <div className="col-span-2 grid content-start gap-1.5 lg:col-span-1">
      <Label htmlFor={id}>Label</Label>
      <Input
        id={id}
        type="search"
        value={draft}
        maxLength={300}
        placeholder="service=checkout"
        className="font-mono"
        aria-describedby={`${id}-hint`}
        aria-invalid={isIncomplete || undefined}
        onChange={(event) => setDraft(event.target.value)}
      />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {isIncomplete ? "Write it as name=value." : "One label, as name=value."}
      </p>
    </div>
  );
}

export function AlertFilterBar({ filters, filterCount, onChange, onClear }: { filters: AlertFilters; filterCount: number; onChange: UpdateFilters; onClear: () => void }) {
  const trpc = useTRPC();
  const sources = useQuery(trpc.alerts.sourceOptions.queryOptions());
  const id = useId();
  const select = (param: AlertFilterParam) => (event: ChangeEvent<HTMLSelectElement>) => onChange({ [param]: event.target.value || null });
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
      <div className="grid content-start gap-1.5">
        <Label htmlFor={`${id}-source`}>Source</Label>
        <NativeSelect id={`${id}-source`} value={filters.sourceId ?? ""} onChange={select("source")}>
          <option value="">All sources</option>
          {sources.data?.map((source) => (
            <option key={source.id} value={source.id}>
              {source.isDeleted ? `${source.name} (deleted)` : source.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid content-start gap-1.5">
        <Label htmlFor={`${id}-status`}>Status</Label>
        <NativeSelect id={`${id}-status`} value={filters.status ?? ""} onChange={select("status")}>
          <option value="">All statuses</option>
          <option value="firing">Firing</option>
          <option value="resolved">Resolved</option>
        </NativeSelect>
      </div>
      <div className="grid content-start gap-1.5">
        <Label htmlFor={`${id}-tier`}>Tier</Label>
        <NativeSelect id={`${id}-tier`} value={filters.tier ?? ""} onChange={select("tier")}>
          <option value="">All tiers</option>
          {alertTiers.map((tier) => (
            <option key={tier} value={tier}>
              {alertTierLabels[tier]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid content-start gap-1.5">
        <Label htmlFor={`${id}-time`}>Last seen</Label>
        <NativeSelect id={`${id}-time`} value={filters.window ?? ""} onChange={select("time")}>
          <option value="">Any time</option>
          {alertWindows.map((window) => (
            <option key={window} value={window}>
              {alertWindowLabels[window]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <LabelField id={`${id}-label`} value={filters.label} onChange={onChange} />
      {filterCount > 0 ? (
        <div className="col-span-2 lg:col-span-5">
          <Button type="button" variant="ghost" size="sm" onClick={onClear}>
            <X aria-hidden />
            Reset filters
          </Button>
        </div>
      ) : null}
    </div>
  );
}
