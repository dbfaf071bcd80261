// Blame flags over a whole document: each text block (paragraph, heading, list paragraph) is checked
// on its own, and every flag gets a key that survives edits elsewhere, for dismissals.
import { checkBlame, type BlameFlag } from "./check";
import { blameRules } from "./rules";

export type TextBlock = { text: string; pos: number };
export type DocumentFlag = BlameFlag & { key: string; label: string; pos: number };

export const flagKey = (flag: Pick<BlameFlag, "ruleId" | "excerpt">) => `${flag.ruleId}:${flag.excerpt.toLowerCase().replace(/\s+/g, " ").trim()}`;

export function flagsInBlocks(blocks: TextBlock[], personNames: string[]): DocumentFlag[] {
  const labels = new Map(blameRules.map((rule) => [rule.id, rule.label]));
  return blocks.flatMap((block) => checkBlame(block.text, { personNames }).map((flag) => ({ ...flag, key: flagKey(flag), label: labels.get(flag.ruleId) ?? flag.ruleId, pos: block.pos })));
}

type JsonNode = { type: string; text?: string; attrs?: Record<string, unknown>; content?: JsonNode[] };

// Read inline nodes as the editor's check does (lib/editor/blame-check.ts), so flag keys agree.
const inlineText = (node: JsonNode) => (node.type === "text" ? (node.text ?? "") : node.type === "mention" ? `@${String(node.attrs?.label ?? "")}` : " ");

/** Text blocks of a stored (tiptap JSON) document, for the server's publish check. */
export function textBlocksOfJson(doc: JsonNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  const visit = (node: JsonNode) => {
    if (node.type === "paragraph" || node.type === "heading") {
      blocks.push({ text: (node.content ?? []).map(inlineText).join(""), pos: blocks.length });
      return;
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return blocks;
}
