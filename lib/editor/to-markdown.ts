// tiptap JSON → Markdown, for export. Only the node and mark types our schema allows are written;
// anything else is dropped rather than passed through, so an export never carries raw HTML.
export type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[]; text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[] };

const escapeText = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, "\\$1").replace(/^(\s*)([-+]|\d+\.)(\s)/, "$1\\$2$3");
const safeUrl = (href: unknown) => (typeof href === "string" && /^(https?:|mailto:)/i.test(href) ? href.replace(/[()\s]/g, encodeURIComponent) : null);

function inline(nodes: JsonNode[] = []): string {
  return nodes
    .map((node) => {
      if (node.type === "hardBreak") return "  \n";
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
      return children.map((child) => block(child, data)).join("\n\n").split("\n").map((line) => `> ${line}`).join("\n");
    case "codeBlock":
      return `\`\`\`${typeof node.attrs?.language === "string" ? node.attrs.language.replace(/[^\w+-]/g, "") : ""}\n${children.map((c) => c.text ?? "").join("")}\n\`\`\``;
    case "horizontalRule":
      return "---";
    case "bulletList":
    case "orderedList":
      return children
        .map((item, index) => {
          const marker = node.type === "bulletList" ? "- " : `${index + 1}. `;
          const [first, ...rest] = (item.content ?? []).map((child) => block(child, data, "").replace(/\n/g, `\n${indent}   `));
          return [`${indent}${marker}${first ?? ""}`, ...rest.map((r) => `${indent}   ${r}`)].join("\n");
        })
        .join("\n");
    default:
      return "";
  }
}

export function toMarkdown(doc: JsonNode, data: MarkdownBlockData = {}): string {
  return (doc.content ?? []).map((node) => block(node, data)).filter((text) => text.trim() !== "").join("\n\n") + "\n";
}
