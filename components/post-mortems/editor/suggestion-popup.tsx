"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useId, useSyncExternalStore, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import type { SuggestionStore } from "./suggestion-store";

type Props<I> = { editor: Editor | null; store: SuggestionStore<I>; label: string; emptyText: string; itemKey: (item: I) => string; renderItem: (item: I) => ReactNode };

const width = 288;

/**
 * The open suggestion list (slash menu, @mentions) as an accessible listbox under the caret. Focus
 * stays in the document, so the document points at the highlighted option (aria-activedescendant).
 */
export function SuggestionPopup<I>({ editor, store, label, emptyText, itemKey, renderItem }: Props<I>) {
  const view = useSyncExternalStore(store.subscribe, store.get, () => null);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const isOpen = view !== null;
  const activeId = view && view.items.length > 0 ? optionId(view.active) : null;

  useEffect(() => {
    const dom = editor?.view.dom;
    if (!dom || !isOpen) return;
    // A textbox may not be expanded (axe: aria-allowed-attr): while the list is open the document is
    // a combobox owning it, and a multi-line textbox again once it closes.
    dom.setAttribute("role", "combobox");
    dom.removeAttribute("aria-multiline");
    dom.setAttribute("aria-controls", listId);
    dom.setAttribute("aria-expanded", "true");
    dom.setAttribute("aria-autocomplete", "list");
    if (activeId) dom.setAttribute("aria-activedescendant", activeId);
    else dom.removeAttribute("aria-activedescendant");
    return () => {
      for (const name of ["aria-controls", "aria-expanded", "aria-autocomplete", "aria-activedescendant"]) dom.removeAttribute(name);
      dom.setAttribute("role", "textbox");
      dom.setAttribute("aria-multiline", "true");
    };
  }, [editor, isOpen, listId, activeId]);

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  if (!view) return null;
  // Plain fixed positioning under the typed trigger, kept inside a narrow (390 px) screen.
  const rect = view.rect;
  const left = rect ? Math.max(8, Math.min(rect.left, window.innerWidth - width - 8)) : 8;
  const top = rect ? rect.bottom + 6 : 8;
  return (
    <div
      className="fixed z-50 max-h-72 overflow-y-auto rounded-md border bg-popover p-1 text-sm text-popover-foreground shadow-lg"
      style={{ top, left, width: `min(${width}px, calc(100vw - 16px))` }}
      data-print-hidden
    >
      <ul id={listId} role="listbox" aria-label={label}>
        {view.items.length === 0 ? (
          <li role="presentation" className="px-2 py-1.5 text-muted-foreground">
            {view.isLoading ? "Loading…" : emptyText}
          </li>
        ) : (
          view.items.map((item, index) => (
            <li
              key={itemKey(item)}
              id={optionId(index)}
              role="option"
              aria-selected={index === view.active}
              className={cn("cursor-pointer rounded-sm px-2 py-1.5", index === view.active ? "bg-accent text-accent-foreground" : "hover:bg-muted")}
              // mousedown, not click: keep the document focused so the command lands at the caret.
              onMouseDown={(event) => {
                event.preventDefault();
                view.choose(item);
              }}
              onMouseEnter={() => store.setActive(index)}
            >
              {renderItem(item)}
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
