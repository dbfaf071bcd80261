// tiptap JSON → Markdown, for export. Only the node and mark types our schema allows are written;
// anything else is dropped rather than passed through, so an export never carries raw HTML.
import { calloutLabels, toCalloutTone } from "./callout-tone";

export type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[]; text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[] };

/** Plain text as Markdown that renders as the same text: no markup, links or HTML survive from it. */
export const escapeText = (text: string) =>
  text
    .replace(/([\\`*_[\]#<>|])/g, "\\$1")
    .replace(/^(\s*)([-+])(\s)/, "$1\\$2$3")
    // "1. " starts a list; the backslash goes before the dot ("\1." would print the backslash).
    .replace(/^(\s*)(\d+)\.(\s)/, "$1$2\\.$3");
const safeUrl = (href: unknown) => (typeof href === "string" && /^(https?:|mailto:)/i.test(href) ? href.replace(/[()\s]/g, encodeURIComponent) : null);

function inline(nodes: JsonNode[] = []): string {
  return nodes
    .map((node) => {
      if (node.type === "hardBreak") return "  \n";
      if (node.type === "mention") return typeof node.attrs?.label === "string" ? `@${escapeText(node.attrs.label)}` : "";
      if (node.type !== "text" || !node.text) return "";
      const marks = new Set((node.marks ?? []).map((mark) => mark.type));
      if (marks.has("code")) return `\`${node.text.replace(/`/g, "\\`")}\``;
      let text = escapeText(node.text);
      if (marks.has("bold")) text = `**${text}**`;
      if (marks.has("italic")) text = `_${text}_`;
      if (marks.has("strike")) text = `~~${text}~~`;
      const link = node.marks?.find((mark) => mark.type === "link");
      const url = safeUrl(link?.attrs?.href);
      return url ? `[${text}](${url})` : text;
    })
    .join("");
}

// GFM tables: the first row is the header (tiptap's header row); a cell is one line, pipes escaped.
function table(rows: JsonNode[]): string {
  const cells = rows.map((row) =>
    (row.content ?? []).map((cell) =>
      (cell.content ?? [])
        .map((child) => inline(child.content))
        .join(" ")
        .replace(/\n/g, " ")
        .replace(/(?<!\\)\|/g, "\\|")
        .trim(),
    ),
  );
  const width = Math.max(1, ...cells.map((row) => row.length));
  const line = (row: string[]) => `| ${Array.from({ length: width }, (_, i) => row[i] ?? "").join(" | ")} |`;
  const [header = [], ...body] = cells;
  return [line(header), `|${" --- |".repeat(width)}`, ...body.map(line)].join("\n");
}

export type MarkdownBlockData = { facts?: [string, string][]; timeline?: [string, string][]; actionItems?: [string, string][] };

function block(node: JsonNode, data: MarkdownBlockData, indent = ""): string {
  const children = node.content ?? [];
  switch (node.type) {
    case "incidentFacts":
      return (data.facts ?? []).map(([label, value]) => `- **${escapeText(label)}:** ${escapeText(value)}`).join("\n");
    case "postMortemActionItems":
      return (data.actionItems ?? []).map(([title, detail]) => `- [ ] **${escapeText(title)}** — ${escapeText(detail)}`).join("\n");
    case "incidentTimeline":
      return (data.timeline ?? []).map(([time, text]) => `- ${escapeText(time)} — ${escapeText(text)}`).join("\n");
    case "heading":
      return `${"#".repeat(Math.min(6, Number(node.attrs?.level ?? 1)))} ${inline(children)}`;
    case "paragraph":
      return indent + inline(children);
    case "blockquote":
      return children
        .map((child) => block(child, data))
        .join("\n\n")
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n");
    case "codeBlock":
      return `\`\`\`${typeof node.attrs?.language === "string" ? node.attrs.language.replace(/[^\w+-]/g, "") : ""}\n${children.map((c) => c.text ?? "").join("")}\n\`\`\``;
    case "horizontalRule":
      return "---";
    case "runbookStep":
      return `- [ ] ${inline(children)}`;
    case "callout": {
      const label = calloutLabels[toCalloutTone(node.attrs?.tone)];
      const body = children.map((child) => block(child, data)).join("\n\n");
      return `**${label}:** ${body}`
        .split("\n")
        .map((line) => (line ? `> ${line}` : ">"))
        .join("\n");
    }
    case "table":
      return table(children);
    case "bulletList":
    case "orderedList":
    case "taskList":
      return children
        .map((item, index) => {
          const marker = node.type === "bulletList" ? "- " : node.type === "taskList" ? `- [${item.attrs?.checked === true ? "x" : " "}] ` : `${index + 1}. `;
          const [first, ...rest] = (item.content ?? []).map((child) => block(child, data, "").replace(/\n/g, `\n${indent}   `));
          return [`${indent}${marker}${first ?? ""}`, ...rest.map((r) => `${indent}   ${r}`)].join("\n");
        })
        .join("\n");
    default:
      return "";
  }
}

export function toMarkdown(doc: JsonNode, data: MarkdownBlockData = {}): string {
  const blocks = (doc.content ?? []).map((node) => ({ type: node.type, text: block(node, data) })).filter(({ text }) => text.trim() !== "");
  // Consecutive runbook steps stay one tight task list rather than a list per step.
  return blocks.map(({ type, text }, i) => (i === 0 ? "" : type === "runbookStep" && blocks[i - 1]?.type === "runbookStep" ? "\n" : "\n\n") + text).join("") + "\n";
}
