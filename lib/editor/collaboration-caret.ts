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

const palette = ["#e11d48", "#2563eb", "#059669", "#d97706", "#7c3aed", "#0891b2", "#c026d3", "#65a30d"];
/** A stable colour per person, so everyone sees the same colour for the same writer. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] ?? "#6366f1";
}
