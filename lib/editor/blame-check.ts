import { Extension } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { flagsInBlocks, type DocumentFlag, type TextBlock } from "@/lib/blameless/document-flags";

/** A flag with its range in the document, so the caret can be found in it and its words replaced. */
export type PlacedFlag = DocumentFlag & { from: number; to: number };

export const blameCheckKey = new PluginKey<{ flags: PlacedFlag[]; decorations: DecorationSet }>("blameCheck");

/** The open (not dismissed) flag the caret is in, if any. */
export function flagAtCaret(flags: PlacedFlag[], dismissed: Set<string>, at: number): PlacedFlag | undefined {
  return flags.find((flag) => !dismissed.has(flag.key) && at >= flag.from && at <= flag.to);
}

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
  const flags: PlacedFlag[] = flagsInBlocks(blocks, personNames).map((flag) => {
    const positions = positionsOf.get(flag.pos) ?? [];
    return { ...flag, from: positions[flag.start] ?? flag.pos + flag.start, to: (positions[flag.end - 1] ?? flag.pos + flag.end - 1) + 1 };
  });
  const decorations = flags.map(({ from, to, ...flag }) => {
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
        props: {
          // The flag the caret is in is outlined: the one the hint below the line explains.
          decorations: (state) => {
            const current = blameCheckKey.getState(state);
            if (!current) return undefined;
            const active = state.selection.empty ? flagAtCaret(current.flags, dismissed, state.selection.from) : undefined;
            return active ? current.decorations.add(state.doc, [Decoration.inline(active.from, active.to, { class: "blame-flag-active" })]) : current.decorations;
          },
        },
      }),
    ];
  },
});
