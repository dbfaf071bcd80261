import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export type GuidedSection = { title: string; guidance: string };

// Shows each template section's guidance in the empty paragraph under its heading. Computed from the
// plugin's own state, so it is right on the very state being drawn (also right after a remote sync).
export const SectionGuidance = Extension.create<{ sections: GuidedSection[] }>({
  name: "sectionGuidance",
  addOptions() {
    return { sections: [] };
  },
  addProseMirrorPlugins() {
    const guidance = new Map(this.options.sections.map((section) => [section.title.trim().toLowerCase(), section.guidance]));
    return [
      new Plugin({
        key: new PluginKey("sectionGuidance"),
        props: {
          decorations(state) {
            const decorations: Decoration[] = [];
            let current: string | undefined;
            state.doc.forEach((node, offset) => {
              if (node.type.name === "heading") {
                current = guidance.get(node.textContent.trim().toLowerCase());
                return;
              }
              // Reference blocks (facts, timeline) sit between a heading and its paragraph.
              if (node.isAtom) return;
              if (current && node.type.name === "paragraph" && node.childCount === 0) {
                decorations.push(Decoration.node(offset, offset + node.nodeSize, { class: "is-empty", "data-placeholder": current }));
              }
              current = undefined;
            });
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
