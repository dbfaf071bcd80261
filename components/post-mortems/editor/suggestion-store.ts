import type { SuggestionKeyDownProps, SuggestionProps } from "@tiptap/suggestion";

// Bridges a tiptap suggestion plugin (which calls render hooks outside React) to a React popup:
// the hooks write into this small store, the popup subscribes with useSyncExternalStore. Keyboard
// handling lives here because the editor keeps focus while the list is open.
export type SuggestionView<I> = { items: I[]; query: string; isLoading: boolean; active: number; rect: DOMRect | null; choose: (item: I) => void };

export type SuggestionStore<I> = {
  get: () => SuggestionView<I> | null;
  subscribe: (listener: () => void) => () => void;
  setActive: (index: number) => void;
  render: () => {
    onStart: (props: SuggestionProps<I>) => void;
    onUpdate: (props: SuggestionProps<I>) => void;
    onExit: () => void;
    onKeyDown: (props: SuggestionKeyDownProps) => boolean;
  };
};

export function createSuggestionStore<I>(): SuggestionStore<I> {
  let view: SuggestionView<I> | null = null;
  const listeners = new Set<() => void>();
  const set = (next: SuggestionView<I> | null) => {
    view = next;
    for (const listener of listeners) listener();
  };
  const fromProps = (props: SuggestionProps<I>, active: number): SuggestionView<I> => ({
    items: props.items,
    query: props.query,
    isLoading: Boolean((props as { loading?: boolean }).loading),
    // Keep the highlight on the same row while it exists; a new query starts at the top.
    active: props.query === view?.query ? Math.min(active, Math.max(0, props.items.length - 1)) : 0,
    rect: props.clientRect?.() ?? null,
    choose: (item) => props.command(item),
  });
  return {
    get: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setActive: (index) => view && set({ ...view, active: index }),
    render: () => ({
      onStart: (props) => set(fromProps(props, 0)),
      onUpdate: (props) => set(fromProps(props, view?.active ?? 0)),
      onExit: () => set(null),
      onKeyDown: ({ event }) => {
        if (!view || view.items.length === 0) return false;
        const count = view.items.length;
        if (event.key === "ArrowDown") set({ ...view, active: (view.active + 1) % count });
        else if (event.key === "ArrowUp") set({ ...view, active: (view.active - 1 + count) % count });
        else if (event.key === "Enter" || event.key === "Tab") {
          const item = view.items[view.active];
          if (item === undefined) return false;
          view.choose(item);
        } else return false;
        return true;
      },
    }),
  };
}
