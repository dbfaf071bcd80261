import { Extension } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { flagsInBlocks, type DocumentFlag, type TextBlock } from "@/lib/blameless/document-flags";

export const blameCheckKey = new PluginKey<{ flags: DocumentFlag[]; decorations: DecorationSet }>("blameCheck");

function textBlocksOf(doc: Node): TextBlock[] {
  const blocks: TextBlock[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Offsets inside textContent map to pos + 1 + offset for plain text runs.
    blocks.push({ text: node.textContent, pos: pos + 1 });
    return false;
  });
  return blocks;
}

function check(doc: Node, personNames: string[], dismissed: Set<string>) {
  const flags = flagsInBlocks(textBlocksOf(doc), personNames);
  const decorations = flags.map((flag) =>
    Decoration.inline(flag.pos + flag.start, flag.pos + flag.end, {
      class: dismissed.has(flag.key) ? "blame-flag blame-flag-dismissed" : "blame-flag",
      title: `${flag.label}: ${flag.why} Try: ${flag.suggestion}`,
      "data-blame-rule": flag.ruleId,
    }),
  );
  return { flags, decorations: DecorationSet.create(doc, decorations) };
}

// Underlines blaming phrasing as people type (local rules, no network); re-checks only when the text changes.
export const BlameCheck = Extension.create<{ personNames: string[]; dismissed: Set<string> }>({
  name: "blameCheck",
  addOptions() {
    return { personNames: [], dismissed: new Set() };
  },
  addProseMirrorPlugins() {
    const { personNames, dismissed } = this.options;
    return [
      new Plugin({
        key: blameCheckKey,
        state: {
          init: (_config, state) => check(state.doc, personNames, dismissed),
          apply: (tr, previous, _old, state) => (tr.docChanged || tr.getMeta(blameCheckKey) ? check(state.doc, personNames, dismissed) : previous),
        },
        props: { decorations: (state) => blameCheckKey.getState(state)?.decorations },
      }),
    ];
  },
});
