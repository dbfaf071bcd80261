import { describe, expect, it } from "vitest";
import { toSafeHtml } from "./to-html";

describe("published view rendering", () => {
  it("renders the allowed structure", () => {
    const html = toSafeHtml({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Summary" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "See ", marks: [] },
            { type: "text", text: "dashboard", marks: [{ type: "link", attrs: { href: "https://grafana.example.com" } }] },
          ],
        },
      ],
    });
    expect(html).toBe('<h2>Summary</h2>\n<p>See <a href="https://grafana.example.com" rel="noopener noreferrer nofollow" target="_blank">dashboard</a></p>');
  });

  it("neutralises hostile content: script text, javascript: links, event handlers, unknown nodes and attributes", () => {
    const html = toSafeHtml({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: '<script>alert(1)</script><img src=x onerror="alert(2)">' }] },
        {
          type: "paragraph",
          content: [
            {
              type: "text",
              text: "click",
              marks: [
                { type: "link", attrs: { href: "javascript:alert(3)" } },
                { type: "link", attrs: { href: " JAVASCRIPT:alert(4)" } },
              ],
            },
          ],
        },
        { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: 'https://a.example/" onmouseover="alert(5)' } }] }] },
        { type: "iframe", attrs: { src: "https://evil.example" } },
        { type: "svg", content: [{ type: "text", text: "<svg onload=alert(6)>" }] },
        { type: "heading", attrs: { level: '2 onclick="alert(7)"' }, content: [{ type: "text", text: "H" }] },
      ],
    });
    expect(html).not.toMatch(/<script|<img|<iframe|<svg|javascript:|on\w+="/i);
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).toContain("<p>click</p>");
    expect(html).toContain('href="https://a.example/&#34; onmouseover=&#34;alert(5)"');
    expect(html).toContain("<h2>H</h2>");
  });

  it("renders runbook steps as read-only checklist rows and keeps only a plain step id", () => {
    const html = toSafeHtml({
      type: "doc",
      content: [
        {
          type: "runbookStep",
          attrs: { id: "s-abc123" },
          content: [
            { type: "text", text: "Drain " },
            { type: "text", text: "node-3", marks: [{ type: "code" }] },
          ],
        },
        { type: "runbookStep", attrs: { id: '" onmouseover="alert(1)', onclick: "alert(2)" }, content: [{ type: "text", text: "<img src=x onerror=alert(3)>" }] },
      ],
    });
    expect(html).toBe(
      '<div class="runbook-step" data-step-id="s-abc123"><label><input type="checkbox" disabled> <span>Drain <code>node-3</code></span></label></div>\n' +
        '<div class="runbook-step"><label><input type="checkbox" disabled> <span>&#60;img src=x onerror=alert(3)&#62;</span></label></div>',
    );
  });
});
