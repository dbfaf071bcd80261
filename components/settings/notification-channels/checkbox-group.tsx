"use client";

import type { ReactNode } from "react";

type Option = { value: string; label: string };

/** A fieldset of checkboxes (event types, services, teams): each box labelled, the group named by its legend. */
export function CheckboxGroup({
  legend,
  options,
  selected,
  onChange,
  describedBy,
  empty,
}: {
  legend: string;
  options: Option[];
  selected: string[];
  onChange: (next: string[]) => void;
  describedBy?: string;
  empty?: ReactNode;
}) {
  const toggle = (value: string, isChecked: boolean) => onChange(isChecked ? [...selected, value] : selected.filter((entry) => entry !== value));
  return (
    <fieldset className="grid min-w-0 gap-2" aria-describedby={describedBy}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {options.length === 0 ? <p className="text-sm text-muted-foreground">{empty}</p> : null}
      <div className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option.value} className="flex min-h-8 items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-primary" checked={selected.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
