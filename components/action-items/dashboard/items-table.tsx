"use client";

import Link from "next/link";
import { useRef, useState, type KeyboardEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { actionItemStatusLabels, isActive } from "@/lib/action-items";
import { cn } from "@/lib/cn";
import type { ActionItemOutput } from "@/server/action-items/schemas";
import { BulkBar } from "./bulk-bar";
import { formatDate } from "@/lib/time-format";

/**
 * The leads' table. Keyboard: ↑/↓ (or k/j) move between rows, Space or x selects, Shift+↑/↓
 * extends the selection, a selects all, Esc clears, Enter opens the incident.
 */
export function ItemsTable({ items, now }: { items: ActionItemOutput[]; now: number }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(0);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const editable = items.filter((item) => item.canEdit);

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setActive(next);
    rows.current[next]?.focus();
  };
  const toggle = (id: string, force?: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (force ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number) {
    if ((event.target as HTMLElement).closest("a, input, button, select")) return;
    const item = items[index];
    if (!item) return;
    const key = event.key;
    if (key === "ArrowDown" || key === "j" || key === "ArrowUp" || key === "k") {
      event.preventDefault();
      const target = index + (key === "ArrowDown" || key === "j" ? 1 : -1);
      if (event.shiftKey && items[target]?.canEdit) toggle(items[target].id, true);
      focusRow(target);
    } else if ((key === " " || key === "x") && item.canEdit) {
      event.preventDefault();
      toggle(item.id);
    } else if (key === "a") {
      event.preventDefault();
      setSelected(new Set(editable.map((row) => row.id)));
    } else if (key === "Escape") {
      setSelected(new Set());
    } else if (key === "Enter" && item.incident) {
      window.location.assign(`/incidents/${item.incident.id}`);
    } else if (key === "Home" || key === "End") {
      event.preventDefault();
      focusRow(key === "Home" ? 0 : items.length - 1);
    }
  }

  if (items.length === 0) return <p className="text-sm text-muted-foreground">No action items match these filters.</p>;
  const allSelected = editable.length > 0 && editable.every((item) => selected.has(item.id));
  return (
    <div className="grid gap-3">
      <BulkBar selectedIds={[...selected]} onDone={() => setSelected(new Set())} />
      <p id="items-keys" className="text-xs text-muted-foreground">
        Keyboard: ↑ ↓ to move, Space to select, Shift+↑↓ to extend, a for all, Esc to clear, Enter to open the incident.
      </p>
      {/* Below "sm" each row is laid out as a card (roles stay explicit, since display:block drops a table's own). */}
      <div className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-sm max-sm:block" aria-label="Action items" aria-describedby="items-keys" aria-multiselectable="true" role="grid">
          <thead className="bg-muted/50 text-left text-muted-foreground max-sm:block">
            <tr role="row" className="max-sm:flex max-sm:items-center">
              <th role="columnheader" className="w-10 p-2">
                <input
                  type="checkbox"
                  aria-label="Select all action items you can change"
                  checked={allSelected}
                  onChange={(e) => setSelected(new Set(e.target.checked ? editable.map((item) => item.id) : []))}
                />
              </th>
              <th role="columnheader" className="p-2 font-medium max-sm:hidden">
                Action item
              </th>
              <th role="columnheader" className="p-2 font-medium max-sm:hidden">
                Owner
              </th>
              <th role="columnheader" className="hidden p-2 font-medium md:table-cell">
                Team
              </th>
              <th role="columnheader" className="p-2 font-medium max-sm:hidden">
                Due
              </th>
              <th role="columnheader" className="p-2 font-medium max-sm:hidden">
                Status
              </th>
              <td aria-hidden className="text-xs sm:hidden">
                Select all
              </td>
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {items.map((item, index) => {
              const overdue = isActive(item.status) && item.dueAt.getTime() < now;
              const isSelected = selected.has(item.id);
              return (
                <tr
                  key={item.id}
                  ref={(el) => {
                    rows.current[index] = el;
                  }}
                  tabIndex={index === active ? 0 : -1}
                  role="row"
                  aria-selected={isSelected}
                  onKeyDown={(event) => onKeyDown(event, index)}
                  onFocus={() => setActive(index)}
                  data-testid="dashboard-item"
                  className={cn(
                    "border-t border-border outline-none max-sm:grid max-sm:grid-cols-[auto_1fr] max-sm:gap-x-1 max-sm:py-1 focus-visible:bg-accent/60 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset",
                    isSelected && "bg-accent/40",
                  )}
                >
                  <td role="gridcell" className="p-2 max-sm:row-span-4">
                    {item.canEdit ? <input type="checkbox" tabIndex={-1} aria-label={`Select ${item.title}`} checked={isSelected} onChange={() => toggle(item.id)} /> : null}
                  </td>
                  <td role="gridcell" className="p-2 max-sm:pb-0">
                    <span className="font-medium">{item.title}</span>
                    <span className="flex flex-wrap gap-2 text-xs text-muted-foreground">
                      {item.incident ? (
                        <Link tabIndex={-1} className="underline" href={`/incidents/${item.incident.id}`}>
                          {item.incident.reference}
                        </Link>
                      ) : null}
                      <span>{item.kind}</span>
                      <span>{item.priority}</span>
                      {item.tracker ? (
                        <a tabIndex={-1} className="underline" href={item.tracker.url} target="_blank" rel="noreferrer noopener">
                          {item.tracker.label}
                        </a>
                      ) : null}
                    </span>
                  </td>
                  <td role="gridcell" className="p-2 max-sm:py-0">
                    <PhoneLabel>Owner </PhoneLabel>
                    {item.owner.name}
                  </td>
                  <td role="gridcell" className="hidden p-2 md:table-cell">
                    {item.team?.name ?? "—"}
                  </td>
                  <td role="gridcell" className="p-2 whitespace-nowrap max-sm:py-0">
                    <PhoneLabel>Due </PhoneLabel>
                    <time dateTime={item.dueAt.toISOString()}>{formatDate(item.dueAt)}</time>
                    {overdue ? (
                      <Badge variant="destructive" className="ml-2">
                        Overdue
                      </Badge>
                    ) : null}
                  </td>
                  <td role="gridcell" className="p-2 max-sm:pt-0" data-testid="dashboard-item-status">
                    <PhoneLabel>Status </PhoneLabel>
                    {actionItemStatusLabels[item.status]}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A cell's column name, shown only where the row is a card and the header row is gone. */
function PhoneLabel({ children }: { children: string }) {
  return <span className="text-xs text-muted-foreground sm:hidden">{children}</span>;
}
