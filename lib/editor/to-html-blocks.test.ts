import { describe, expect, it } from "vitest";
import { toSafeHtml } from "./to-html";
import type { JsonNode } from "./to-markdown";

const text = (value: string): JsonNode => ({ type: "text", text: value });
const paragraph = (...content: JsonNode[]): JsonNode => ({ type: "paragraph", content });
const cell = (type: string, value: string, attrs?: Record<string, unknown>): JsonNode => ({ type, attrs, content: [paragraph(text(value))] });

describe("published view: task lists, tables, callouts and mentions", () => {
  it("renders task items as disabled checkboxes that show whether each is done", () => {
    const html = toSafeHtml({
      type: "doc",
      content: [
        {
          type: "taskList",
          content: [
            { type: "taskItem", attrs: { checked: true }, content: [paragraph(text("Rotate keys"))] },
            { type: "taskItem", attrs: { checked: "true onclick=alert(1)" }, content: [paragraph(text("Page vendor"))] },
          ],
        },
      ],
    });
    expect(html).toBe(
      '<ul class="task-list"><li class="task-item" data-checked="true"><input type="checkbox" disabled checked aria-label="Done"><div><p>Rotate keys</p></div></li>' +
        '<li class="task-item" data-checked="false"><input type="checkbox" disabled aria-label="Not done"><div><p>Page vendor</p></div></li></ul>',
    );
  });

  it("renders tables with header cells, keeps only whole-number spans and escapes script in cells", () => {
    const html = toSafeHtml({
      type: "doc",
      content: [
        {
          type: "table",
          content: [
            { type: "tableRow", content: [cell("tableHeader", "Service"), cell("tableHeader", "Minutes", { colspan: 2 })] },
            { type: "tableRow", content: [cell("tableCell", "<script>alert(1)</script>", { colspan: '2" onmouseover="alert(2)', rowspan: 3 }), cell("tableCell", "14")] },
          ],
        },
      ],
    });
    expect(html).toBe(
      '<div class="table-scroll"><table><tbody><tr><th><p>Service</p></th><th colspan="2"><p>Minutes</p></th></tr>' +
        '<tr><td rowspan="3"><p>&#60;script&#62;alert(1)&#60;/script&#62;</p></td><td><p>14</p></td></tr></tbody></table></div>',
    );
    expect(html).not.toMatch(/<script|onmouseover/);
  });

  it("gives callouts a tone class from the allow-list only", () => {
    const callout = (tone: unknown) => toSafeHtml({ type: "doc", content: [{ type: "callout", attrs: { tone }, content: [paragraph(text("Careful"))] }] });
    expect(callout("warning")).toBe('<div class="callout callout-warning" role="note" aria-label="Warning"><p>Careful</p></div>');
    expect(callout("success")).toContain('class="callout callout-success"');
    const hostile = callout('x" onload="alert(1)');
    expect(hostile).toBe('<div class="callout callout-info" role="note" aria-label="Note"><p>Careful</p></div>');
    expect(callout({ toString: () => "warning" })).toContain("callout-info");
  });

  it("renders a mention as the escaped name in a span and never copies its attributes", () => {
    const html = toSafeHtml({
      type: "doc",
      content: [
        paragraph(text("Thanks "), { type: "mention", attrs: { id: '"><img src=x onerror=alert(1)>', label: "<img src=x onerror=alert(2)>" } }, { type: "mention", attrs: { id: "u1", label: 7 } }),
      ],
    });
    expect(html).toBe('<p>Thanks <span class="mention">@&#60;img src=x onerror=alert(2)&#62;</span><span class="mention">@someone</span></p>');
    expect(html).not.toMatch(/<img|data-id/);
  });

  it("renders underline, which the editor's starter kit offers", () => {
    expect(toSafeHtml({ type: "doc", content: [paragraph({ type: "text", text: "key", marks: [{ type: "underline" }] })] })).toBe("<p><u>key</u></p>");
  });
});
