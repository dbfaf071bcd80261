import type { SuggestionKeyDownProps, SuggestionProps } from "@tiptap/suggestion";
import { describe, expect, it } from "vitest";
import { createSuggestionStore } from "./suggestion-store";

const key = (name: string) => ({ event: new KeyboardEvent("keydown", { key: name }) }) as unknown as SuggestionKeyDownProps;
const props = (items: string[], query: string, chosen: string[]) => ({ items, query, command: (item: string) => chosen.push(item), clientRect: null }) as unknown as SuggestionProps<string>;

// Node has no KeyboardEvent; the store only reads `key`.
globalThis.KeyboardEvent ??= class {
  key: string;
  constructor(_type: string, init: { key: string }) {
    this.key = init.key;
  }
} as unknown as typeof KeyboardEvent;

describe("suggestion list keyboard", () => {
  it("moves with the arrows (wrapping), chooses with Enter, and leaves other keys to the editor", () => {
    const store = createSuggestionStore<string>();
    const chosen: string[] = [];
    const render = store.render();
    render.onStart(props(["Heading", "Table", "Callout"], "", chosen));
    expect(store.get()?.active).toBe(0);
    expect(render.onKeyDown(key("ArrowUp"))).toBe(true);
    expect(store.get()?.active).toBe(2);
    render.onKeyDown(key("ArrowDown"));
    render.onKeyDown(key("ArrowDown"));
    expect(store.get()?.active).toBe(1);
    expect(render.onKeyDown(key("a"))).toBe(false);
    expect(render.onKeyDown(key("Enter"))).toBe(true);
    expect(chosen).toEqual(["Table"]);
  });

  it("starts at the top when the query changes, closes on exit, and lets Enter through when nothing matches", () => {
    const store = createSuggestionStore<string>();
    const chosen: string[] = [];
    const render = store.render();
    render.onStart(props(["Heading", "Table"], "", chosen));
    render.onKeyDown(key("ArrowDown"));
    render.onUpdate(props(["Table"], "ta", chosen));
    expect(store.get()?.active).toBe(0);
    render.onUpdate(props([], "tax", chosen));
    expect(render.onKeyDown(key("Enter"))).toBe(false);
    render.onExit();
    expect(store.get()).toBeNull();
    expect(chosen).toEqual([]);
  });
});
