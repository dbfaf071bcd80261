import { Extension } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { flagsInBlocks, type DocumentFlag, type TextBlock } from "@/lib/blameless/document-flags";

export const blameCheckKey = new PluginKey<{ flags: DocumentFlag[]; decorations: DecorationSet }>("blameCheck");

type PositionedBlock = TextBlock & { positions: number[] };

/**
 * The text the rules read, with the document position of every character. A mention reads as its
 * name ("@Sam Rivera", so naming a person as the cause is caught) but is one position wide in the
 * document; other inline leaves (line breaks) read as a single space.
 */
export function textBlocksOf(doc: Node): PositionedBlock[] {
  const blocks: PositionedBlock[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = "";
    const positions: number[] = [];
    node.forEach((child, offset) => {
      const at = pos + 1 + offset;
      const piece = child.isText ? (child.text ?? "") : child.type.name === "mention" ? `@${String(child.attrs.label ?? "")}` : " ";
      for (let i = 0; i < piece.length; i++) positions.push(child.isText ? at + i : at);
      text += piece;
    });
    blocks.push({ text, pos: pos + 1, positions });
    return false;
  });
  return blocks;
}

function check(doc: Node, personNames: string[], dismissed: Set<string>) {
  const blocks = textBlocksOf(doc);
  const positionsOf = new Map(blocks.map((block) => [block.pos, block.positions]));
  const flags = flagsInBlocks(blocks, personNames);
  const decorations = flags.map((flag) => {
    const positions = positionsOf.get(flag.pos) ?? [];
    const from = positions[flag.start] ?? flag.pos + flag.start;
    const to = (positions[flag.end - 1] ?? flag.pos + flag.end - 1) + 1;
    return Decoration.inline(from, to, {
      class: dismissed.has(flag.key) ? "blame-flag blame-flag-dismissed" : "blame-flag",
      title: `${flag.label}: ${flag.why} Try: ${flag.suggestion}`,
      "data-blame-rule": flag.ruleId,
    });
  });
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
