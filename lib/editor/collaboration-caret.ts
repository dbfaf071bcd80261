import { Extension } from "@tiptap/core";
import { yCursorPlugin } from "@tiptap/y-tiptap";
import type { Awareness } from "y-protocols/awareness";

export type CaretUser = { name: string; color: string };

// Other writers' cursors and selections, labelled with their names. A thin layer over y-tiptap's
// cursor plugin (the packaged extension pins an older tiptap core than ours).
export const CollaborationCaret = Extension.create<{ awareness: Awareness | null; user: CaretUser }>({
  name: "collaborationCaret",
  addOptions() {
    return { awareness: null, user: { name: "Someone", color: "#6366f1" } };
  },
  addProseMirrorPlugins() {
    const { awareness, user } = this.options;
    if (!awareness) return [];
    awareness.setLocalStateField("user", user);
    return [
      yCursorPlugin(awareness, {
        cursorBuilder: (other: CaretUser) => {
          const caret = document.createElement("span");
          caret.className = "collab-caret";
          caret.style.borderColor = other.color;
          const label = document.createElement("span");
          label.className = "collab-caret-label";
          label.style.backgroundColor = other.color;
          label.textContent = other.name;
          caret.append(label);
          return caret;
        },
      }),
    ];
  },
});

// Tailwind's 700 shades: each carries white text (caret labels, "Writing now" chips) at ≥ 4.5:1
// (collaboration-caret.test.ts); the 600 shades of green, amber, cyan and lime did not.
export const caretPalette = ["#be123c", "#1d4ed8", "#047857", "#b45309", "#6d28d9", "#0e7490", "#a21caf", "#4d7c0f"];
/** A stable colour per person, so everyone sees the same colour for the same writer. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return caretPalette[hash % caretPalette.length] ?? "#4338ca";
}
