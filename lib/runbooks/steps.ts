// Pure helpers over a runbook body (tiptap JSON): its checklist steps, their ids, and its plain text.
import { isStepId, newStepId } from "@/lib/editor/step-id";
import type { JsonNode } from "@/lib/editor/to-markdown";

export type RunbookDoc = { type: "doc"; content?: unknown[] };
export type Step = { id: string; text: string };

const isNode = (value: unknown): value is JsonNode => typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
const children = (node: { content?: unknown[] }): JsonNode[] => (Array.isArray(node.content) ? node.content.filter(isNode) : []);

/** The text of an inline run: hard breaks become spaces, other inline nodes (mentions…) their label. */
export function inlineText(node: { content?: unknown[] }): string {
  return children(node)
    .map((child) => {
      if (child.type === "text") return typeof child.text === "string" ? child.text : "";
      if (child.type === "hardBreak") return " ";
      if (typeof child.attrs?.label === "string") return child.attrs.label;
      return inlineText(child);
    })
    .join("");
}

/** The checklist steps in document order (steps nested in lists or quotes count too). */
export function extractSteps(doc: RunbookDoc): Step[] {
  const steps: Step[] = [];
  const walk = (node: JsonNode) => {
    if (node.type === "runbookStep") {
      steps.push({ id: isStepId(node.attrs?.id) ? node.attrs.id : "", text: inlineText(node).trim() });
      return;
    }
    children(node).forEach(walk);
  };
  children(doc).forEach(walk);
  return steps;
}

/**
 * Gives every step a valid, unique id: missing, malformed or repeated ids (a pasted copy) get a fresh
 * one; the first holder of an id keeps it, so ticks recorded against it stay attached.
 */
export function assignStepIds(doc: RunbookDoc, makeId: () => string = newStepId): RunbookDoc {
  const seen = new Set<string>();
  const fix = (node: JsonNode): JsonNode => {
    if (node.type === "runbookStep") {
      const current = node.attrs?.id;
      let id = isStepId(current) && !seen.has(current) ? current : makeId();
      while (seen.has(id)) id = makeId();
      seen.add(id);
      return { ...node, attrs: { ...node.attrs, id } };
    }
    return Array.isArray(node.content) ? { ...node, content: children(node).map(fix) } : node;
  };
  return { type: "doc", content: children(doc).map(fix) };
}

/**
 * One line per block, for full-text search and the revision diff: headings keep their #, list items
 * a "-", steps a "[ ]", code blocks every line. Marks and links are dropped (the words are what count).
 */
export function docToText(doc: RunbookDoc): string {
  const lines: string[] = [];
  const block = (node: JsonNode, prefix: string) => {
    switch (node.type) {
      case "heading":
        lines.push(`${"#".repeat(Math.min(6, Math.max(1, Number(node.attrs?.level) || 1)))} ${inlineText(node)}`);
        return;
      case "paragraph":
        lines.push(prefix + inlineText(node));
        return;
      case "runbookStep":
        lines.push(`${prefix}[ ] ${inlineText(node)}`);
        return;
      case "codeBlock":
        lines.push(
          ...inlineText(node)
            .split("\n")
            .map((line) => prefix + line),
        );
        return;
      case "horizontalRule":
        lines.push("---");
        return;
      case "bulletList":
      case "orderedList":
        children(node).forEach((item, index) => {
          const marker = node.type === "bulletList" ? "- " : `${index + 1}. `;
          children(item).forEach((child, i) => block(child, i === 0 ? prefix + marker : prefix + "  "));
        });
        return;
      default:
        children(node).forEach((child) => block(child, prefix));
    }
  };
  children(doc).forEach((node) => block(node, ""));
  return lines.filter((line) => line.trim() !== "").join("\n");
}
