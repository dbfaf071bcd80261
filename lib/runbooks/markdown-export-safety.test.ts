// The Markdown export read by whatever renders it (a wiki, a Git host): nothing a writer put in a
// title, summary or body may come out as live HTML, a script or a javascript: link.
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { exportMarkdown, importMarkdown } from "./markdown";
import type { RunbookDoc } from "./steps";

const hostile = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">open</a>',
  "[open](javascript:alert(1))",
  "![x](x onerror=alert(1))",
  "<svg onload=alert(1)>",
  "<iframe src=javascript:alert(1)></iframe>",
  "<details open ontoggle=alert(1)>",
  "[x](data:text/html,<script>alert(1)</script>)",
  "<javascript:alert(1)>",
  "**bold** <b onmouseover=alert(1)>hover</b>",
  "# not a heading <style>*{display:none}</style>",
  "1. list <!-- comment --> `code` | pipe",
  "\\<script>alert(1)\\</script>",
];

const allowedTags = new Set([
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
  "ul",
  "ol",
  "li",
  "input",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "hr",
  "br",
  "a",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
]);

/** Every way rendered HTML could run something: unknown tags, event handlers, non-web links. */
function liveHtml(html: string): string[] {
  const found: string[] = [];
  for (const [, name = "", attributes = ""] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (!allowedTags.has(name.toLowerCase())) found.push(`<${name}>`);
    if (/\son\w+\s*=/i.test(attributes)) found.push(`${name} event handler`);
    for (const [, url = ""] of attributes.matchAll(/(?:href|src)\s*=\s*"([^"]*)"/gi)) if (!/^(https?:|mailto:)/i.test(url)) found.push(`${name} link ${url}`);
  }
  return found;
}

const render = (markdown: string) => marked.parse(markdown, { async: false });
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

const body = (payload: string): RunbookDoc => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: payload }] },
    { type: "runbookStep", attrs: { id: "s1" }, content: [{ type: "text", text: payload, marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] },
  ],
});

describe("runbook Markdown export with hostile text", () => {
  it.each(hostile)("renders %s in the title, summary and body as text, never as HTML", (payload) => {
    const markdown = exportMarkdown({ title: payload, summary: payload, body: body(payload) });
    const html = render(markdown);
    expect(liveHtml(html)).toEqual([]);
    // Escaped, not dropped: a reader sees exactly what the writer typed.
    const heading = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? "";
    expect(textOf(heading)).toBe(payload);
    const [summary] = html.match(/<p>[\s\S]*?<\/p>/) ?? [""];
    expect(textOf(summary)).toBe(payload);
  });

  it("keeps the title and summary through an export and a re-import", () => {
    for (const payload of hostile) {
      const imported = importMarkdown(exportMarkdown({ title: `Runbook ${payload}`, summary: `Summary ${payload}`, body: body("step") }));
      expect(imported.title).toBe(`Runbook ${payload}`);
      expect(imported.summary).toBe(`Summary ${payload}`);
    }
  });
});
