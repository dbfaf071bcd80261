// tiptap JSON → HTML for the published (read-only) view, rendered on the server. An allow-list:
// only these nodes and marks become tags, every text is escaped, links are http(s)/mailto only,
// and no attribute is copied from the document except a checked href. Anything else is dropped.
import { isAllowedLink } from "./allowed-link";
import { isStepId } from "./step-id";
import { calloutLabels, toCalloutTone } from "./callout-tone";
import type { JsonNode } from "./to-markdown";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const safeHref = (href: unknown) => (typeof href === "string" && isAllowedLink(href) ? escapeHtml(href.trim()) : null);

const blockTags: Record<string, string> = { paragraph: "p", blockquote: "blockquote", bulletList: "ul", orderedList: "ol", listItem: "li", tableRow: "tr" };
// A cell span is copied only as a small whole number; any other value is left out.
const span = (name: "colspan" | "rowspan", value: unknown) => (Number.isInteger(value) && (value as number) > 1 && (value as number) <= 50 ? ` ${name}="${value as number}"` : "");

function renderText(node: JsonNode): string {
  let html = escapeHtml(node.text ?? "");
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") html = `<strong>${html}</strong>`;
    else if (mark.type === "italic") html = `<em>${html}</em>`;
    else if (mark.type === "strike") html = `<s>${html}</s>`;
    else if (mark.type === "underline") html = `<u>${html}</u>`;
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

// A runbook step, read-only: steps are ticked in run mode inside an incident, not on the page.
const renderStep = (id: unknown, html: string) => `<div class="runbook-step"${isStepId(id) ? ` data-step-id="${id}"` : ""}><label><input type="checkbox" disabled> <span>${html}</span></label></div>`;

function renderNode(node: JsonNode, blocks: BlockData): string {
  const inner = () => (node.content ?? []).map((child) => renderNode(child, blocks)).join("");
  if (node.type === "incidentFacts") return renderPairs("facts", blocks.facts);
  if (node.type === "incidentTimeline") return renderPairs("timeline", blocks.timeline);
  if (node.type === "postMortemActionItems") return renderPairs("actionItems", blocks.actionItems);
  if (node.type === "text") return renderText(node);
  if (node.type === "hardBreak") return "<br>";
  if (node.type === "runbookStep") return renderStep(node.attrs?.id, inner());
  if (node.type === "horizontalRule") return "<hr>";
  if (node.type === "heading") {
    const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 2));
    return `<h${level}>${inner()}</h${level}>`;
  }
  if (node.type === "mention") return `<span class="mention">@${escapeHtml(typeof node.attrs?.label === "string" ? node.attrs.label : "someone")}</span>`;
  if (node.type === "taskList") return `<ul class="task-list">${inner()}</ul>`;
  if (node.type === "taskItem") {
    const isDone = node.attrs?.checked === true;
    return `<li class="task-item" data-checked="${isDone}"><input type="checkbox" disabled${isDone ? " checked" : ""} aria-label="${isDone ? "Done" : "Not done"}"><div>${inner()}</div></li>`;
  }
  if (node.type === "table") return `<div class="table-scroll"><table><tbody>${inner()}</tbody></table></div>`;
  if (node.type === "tableHeader" || node.type === "tableCell") {
    const tag = node.type === "tableHeader" ? "th" : "td";
    return `<${tag}${span("colspan", node.attrs?.colspan)}${span("rowspan", node.attrs?.rowspan)}>${inner()}</${tag}>`;
  }
  if (node.type === "callout") {
    const tone = toCalloutTone(node.attrs?.tone);
    return `<div class="callout callout-${tone}" role="note" aria-label="${calloutLabels[tone]}">${inner()}</div>`;
  }
  if (node.type === "codeBlock") return `<pre><code>${escapeHtml((node.content ?? []).map((c) => c.text ?? "").join(""))}</code></pre>`;
  const tag = blockTags[node.type];
  return tag ? `<${tag}>${inner()}</${tag}>` : "";
}

export function toSafeHtml(doc: JsonNode, blocks: BlockData = {}): string {
  return (doc.content ?? []).map((node) => renderNode(node, blocks)).join("\n");
}
