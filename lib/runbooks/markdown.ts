// Markdown ⇄ runbook. Import reads marked's token stream (never its HTML) and builds only the nodes and
// marks our schema allows; raw HTML becomes plain text, links other than http(s)/mailto lose their href.
// `- [ ] step` and `- [x] step` become checklist steps; the first `# heading` becomes the title.
import { lexer, type Token, type Tokens } from "marked";
import { isAllowedLink } from "@/lib/editor/allowed-link";
import { newStepId } from "@/lib/editor/step-id";
import { escapeText, toMarkdown, type JsonNode } from "@/lib/editor/to-markdown";
import type { RunbookDoc } from "./steps";

type Mark = NonNullable<JsonNode["marks"]>[number];
export type ImportedRunbook = { title: string; summary: string; body: RunbookDoc };

const safeHref = (href: string) => (isAllowedLink(href) ? href.trim() : null);
// marked hands back some characters entity-encoded in `text`; the document stores plain text.
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name] ?? "");

function inline(tokens: Token[] | undefined, marks: Mark[] = []): JsonNode[] {
  const out: JsonNode[] = [];
  const text = (value: string, extra: Mark[] = []) => {
    if (value === "") return;
    const all = [...marks, ...extra];
    out.push(all.length ? { type: "text", text: value, marks: all } : { type: "text", text: value });
  };
  for (const token of tokens ?? []) {
    switch (token.type) {
      case "strong":
        out.push(...inline(token.tokens, [...marks, { type: "bold" }]));
        break;
      case "em":
        out.push(...inline(token.tokens, [...marks, { type: "italic" }]));
        break;
      case "del":
        out.push(...inline(token.tokens, [...marks, { type: "strike" }]));
        break;
      case "codespan":
        text(decode(token.text), [{ type: "code" }]);
        break;
      case "link": {
        const href = safeHref(token.href);
        out.push(...inline(token.tokens, href ? [...marks, { type: "link", attrs: { href } }] : marks));
        break;
      }
      case "br":
        out.push({ type: "hardBreak" });
        break;
      case "checkbox":
        // A task item's box (inside a loose item's paragraph): the item itself became a step.
        break;
      case "image":
        text(decode(token.text));
        break;
      case "text":
        if (token.tokens?.length) out.push(...inline(token.tokens, marks));
        else text(decode(token.text));
        break;
      default:
        // escape, html and anything newer: its text, never markup.
        text(decode("text" in token && typeof token.text === "string" ? token.text : token.raw));
    }
  }
  return out;
}

const paragraph = (tokens: Token[] | undefined): JsonNode => {
  const content = inline(tokens);
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
};

function listItemBlocks(item: Tokens.ListItem): JsonNode[] {
  return item.tokens.filter((t) => t.type !== "checkbox").flatMap((t) => (t.type === "text" ? [paragraph((t as Tokens.Text).tokens ?? [t])] : blocks([t])));
}

/** A list: task items become steps (nested content follows them); runs of plain items stay lists. */
function list(token: Tokens.List): JsonNode[] {
  const out: JsonNode[] = [];
  let run: JsonNode[] = [];
  const flush = () => {
    if (run.length) out.push(token.ordered ? { type: "orderedList", attrs: { start: Number(token.start) || 1 }, content: run } : { type: "bulletList", content: run });
    run = [];
  };
  for (const item of token.items) {
    const content = listItemBlocks(item);
    if (!item.task) {
      run.push({ type: "listItem", content: content.length ? content : [{ type: "paragraph" }] });
      continue;
    }
    flush();
    const [first, ...rest] = content;
    const stepContent = first?.type === "paragraph" ? (first.content ?? []) : [];
    out.push({ type: "runbookStep", attrs: { id: newStepId() }, ...(stepContent.length ? { content: stepContent } : {}) });
    out.push(...(first?.type === "paragraph" ? rest : content));
  }
  flush();
  return out;
}

function blocks(tokens: Token[]): JsonNode[] {
  return tokens.flatMap((token): JsonNode[] => {
    switch (token.type) {
      case "heading": {
        const content = inline(token.tokens);
        return [{ type: "heading", attrs: { level: Math.min(6, token.depth) }, ...(content.length ? { content } : {}) }];
      }
      case "paragraph":
        return [paragraph(token.tokens)];
      case "text":
        return [paragraph(token.tokens ?? [token])];
      case "list":
        return list(token as Tokens.List);
      case "code":
        return [{ type: "codeBlock", attrs: { language: /^[\w+-]{1,30}$/.test(token.lang ?? "") ? token.lang : null }, ...(token.text ? { content: [{ type: "text", text: token.text }] } : {}) }];
      case "blockquote":
        return [{ type: "blockquote", content: blocks(token.tokens ?? []) }];
      case "hr":
        return [{ type: "horizontalRule" }];
      case "table": {
        // No tables in a runbook: each row becomes a paragraph of its cells.
        const table = token as Tokens.Table;
        return [table.header, ...table.rows].map((row) => ({ type: "paragraph", content: row.flatMap((cell, i) => [...(i ? [{ type: "text", text: " | " }] : []), ...inline(cell.tokens)]) }));
      }
      case "html":
        return token.text.trim() ? [{ type: "paragraph", content: [{ type: "text", text: token.text.trim() }] }] : [];
      default:
        return [];
    }
  });
}

export function importMarkdown(markdown: string): ImportedRunbook {
  const tokens = lexer(markdown.replace(/\r\n?/g, "\n"));
  let title = "";
  const firstH1 = tokens.findIndex((t) => t.type === "heading" && t.depth === 1);
  if (firstH1 >= 0) {
    // From the heading's tokens, not its raw text: backslash escapes (our own export writes them) are undone.
    title = inline((tokens[firstH1] as Tokens.Heading).tokens)
      .map((node) => node.text ?? "")
      .join("")
      .trim();
    tokens.splice(firstH1, 1);
  }
  const content = blocks(tokens);
  // The paragraph right under the title, before any other heading, is the summary.
  let summary = "";
  if (firstH1 >= 0 && content[0]?.type === "paragraph") {
    summary = (content[0].content ?? [])
      .map((n) => n.text ?? "")
      .join("")
      .trim();
    content.shift();
  }
  return { title: title || "Imported runbook", summary, body: { type: "doc", content: content.length ? content : [{ type: "paragraph" }] } };
}

export function exportMarkdown(runbook: { title: string; summary: string; body: RunbookDoc }): string {
  // Title and summary are plain text, escaped like the body's text: a title such as
  // `<img src=x onerror=…>` must come out as those characters, not as HTML in whoever renders the file.
  const title = escapeText(runbook.title.replace(/\s+/g, " ").trim());
  const summary = escapeText(runbook.summary.replace(/\s+/g, " ").trim());
  const head = `# ${title}\n\n${summary ? `${summary}\n\n` : ""}`;
  return head + toMarkdown(runbook.body as JsonNode);
}

/** A file name from the title: lower-case words joined by dashes. */
export const markdownFilename = (title: string) =>
  `${
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "runbook"
  }.md`;
