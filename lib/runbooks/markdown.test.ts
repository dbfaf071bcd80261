import { describe, expect, it } from "vitest";
import { toSafeHtml } from "@/lib/editor/to-html";
import type { JsonNode } from "@/lib/editor/to-markdown";
import { exportMarkdown, importMarkdown, markdownFilename } from "./markdown";
import { docToText, extractSteps } from "./steps";

const wiki = `# Checkout: high error rate

When checkout returns 5xx above 2%.

## Triage

- [ ] Open the **checkout** [dashboard](https://grafana.example/d/checkout)
- [x] Check recent deploys with \`kubectl rollout history\`
- A plain bullet

1. first
2. second

\`\`\`sh
kubectl rollout undo deploy/checkout
\`\`\`

A [bad link](javascript:alert(1)) and <b>html</b> & friends.
`;

describe("runbook Markdown", () => {
  it("imports title, summary, headings, steps with marks and links, lists and code", () => {
    const { title, summary, body } = importMarkdown(wiki);
    expect(title).toBe("Checkout: high error rate");
    expect(summary).toBe("When checkout returns 5xx above 2%.");
    expect(extractSteps(body).map((s) => s.text)).toEqual(["Open the checkout dashboard", "Check recent deploys with kubectl rollout history"]);
    expect(extractSteps(body).every((s) => /^s-[a-z0-9]{12}$/.test(s.id))).toBe(true);
    const types = (body.content as { type: string }[]).map((n) => n.type);
    expect(types).toEqual(["heading", "runbookStep", "runbookStep", "bulletList", "orderedList", "codeBlock", "paragraph"]);
    const first = (body.content as { content: { text: string; marks?: unknown[] }[] }[])[1]!.content;
    expect(first).toContainEqual({ type: "text", text: "checkout", marks: [{ type: "bold" }] });
    expect(first).toContainEqual({ type: "text", text: "dashboard", marks: [{ type: "link", attrs: { href: "https://grafana.example/d/checkout" } }] });
  });

  it("drops unsafe link targets and keeps raw HTML as text", () => {
    const { body } = importMarkdown(wiki);
    const last = JSON.stringify(body.content?.at(-1));
    expect(last).not.toContain("javascript:");
    expect(last).not.toContain('"link"');
    expect(docToText(body).split("\n").at(-1)).toBe("A bad link and <b>html</b> & friends.");
  });

  it("hostile Markdown renders inert through the allow-list", () => {
    const hostile = "# T\n\nSummary.\n\n<script>alert(1)</script>\n\n- [ ] <img src=x onerror=alert(1)> [go](javascript:alert(1)) ![i](javascript:alert(2))\n\n[data](data:text/html,<b>x</b>)\n";
    const html = toSafeHtml(importMarkdown(hostile).body as JsonNode);
    expect(html).not.toMatch(/<script|<img|javascript:|data:text|href="(?!https?:|mailto:)/i);
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
  });

  it("round-trips: export then import keeps title, summary, steps and text", () => {
    const first = importMarkdown(wiki);
    const markdown = exportMarkdown(first);
    expect(markdown).toContain("- [ ] Open the **checkout** [dashboard](https://grafana.example/d/checkout)\n- [ ] Check recent deploys");
    const second = importMarkdown(markdown);
    expect(second.title).toBe(first.title);
    expect(second.summary).toBe(first.summary);
    expect(extractSteps(second.body).map((s) => s.text)).toEqual(extractSteps(first.body).map((s) => s.text));
    expect(docToText(second.body)).toBe(docToText(first.body));
  });

  it("names a runbook without a heading, and makes a safe file name", () => {
    expect(importMarkdown("- [ ] only a step").title).toBe("Imported runbook");
    expect(markdownFilename("Checkout: high error rate!")).toBe("checkout-high-error-rate.md");
    expect(markdownFilename("???")).toBe("runbook.md");
  });
});
