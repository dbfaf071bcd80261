// tiptap JSON → HTML for the published (read-only) view, rendered on the server. An allow-list:
// only these nodes and marks become tags, every text is escaped, links are http(s)/mailto only,
// and no attribute is copied from the document except a checked href. Anything else is dropped.
import type { JsonNode } from "./to-markdown";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const safeHref = (href: unknown) => (typeof href === "string" && /^(https?:\/\/|mailto:)/i.test(href.trim()) ? escapeHtml(href.trim()) : null);

const blockTags: Record<string, string> = { paragraph: "p", blockquote: "blockquote", bulletList: "ul", orderedList: "ol", listItem: "li" };

function renderText(node: JsonNode): string {
  let html = escapeHtml(node.text ?? "");
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") html = `<strong>${html}</strong>`;
    else if (mark.type === "italic") html = `<em>${html}</em>`;
    else if (mark.type === "strike") html = `<s>${html}</s>`;
    else if (mark.type === "code") html = `<code>${html}</code>`;
    else if (mark.type === "link") {
      const href = safeHref(mark.attrs?.href);
      if (href) html = `<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${html}</a>`;
    }
  }
  return html;
}

/** Data for the reference blocks (facts, highlighted timeline) as label/value pairs; escaped here. */
export type BlockData = { facts?: [string, string][]; timeline?: [string, string][]; actionItems?: [string, string][] };

function renderPairs(kind: "facts" | "timeline" | "actionItems", pairs: [string, string][] = []): string {
  if (kind === "actionItems") return `<ul class="reference-block">${pairs.map(([title, detail]) => `<li><strong>${escapeHtml(title)}</strong> — ${escapeHtml(detail)}</li>`).join("")}</ul>`;
  if (kind === "facts") return `<dl class="reference-block">${pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>`;
  return `<ol class="reference-block">${pairs.map(([time, text]) => `<li><time>${escapeHtml(time)}</time> ${escapeHtml(text)}</li>`).join("")}</ol>`;
}

function renderNode(node: JsonNode, blocks: BlockData): string {
  const inner = () => (node.content ?? []).map((child) => renderNode(child, blocks)).join("");
  if (node.type === "incidentFacts") return renderPairs("facts", blocks.facts);
  if (node.type === "incidentTimeline") return renderPairs("timeline", blocks.timeline);
  if (node.type === "postMortemActionItems") return renderPairs("actionItems", blocks.actionItems);
  if (node.type === "text") return renderText(node);
  if (node.type === "hardBreak") return "<br>";
  if (node.type === "horizontalRule") return "<hr>";
  if (node.type === "heading") {
    const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 2));
    return `<h${level}>${inner()}</h${level}>`;
  }
  if (node.type === "codeBlock") return `<pre><code>${escapeHtml((node.content ?? []).map((c) => c.text ?? "").join(""))}</code></pre>`;
  const tag = blockTags[node.type];
  return tag ? `<${tag}>${inner()}</${tag}>` : "";
}

export function toSafeHtml(doc: JsonNode, blocks: BlockData = {}): string {
  return (doc.content ?? []).map((node) => renderNode(node, blocks)).join("\n");
}
