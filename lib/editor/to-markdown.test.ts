import { describe, expect, it } from "vitest";
import { toMarkdown } from "./to-markdown";

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({ type: "text", text: value, marks });

describe("markdown export", () => {
  it("writes headings, emphasis, code, links and lists", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [text("Summary")] },
        {
          type: "paragraph",
          content: [
            text("The "),
            text("ledger", [{ type: "bold" }]),
            text(" ran "),
            text("SELECT 1", [{ type: "code" }]),
            text(" — see "),
            text("runbook", [{ type: "link", attrs: { href: "https://wiki.example.com/r" } }]),
          ],
        },
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [text("one")] }] },
            { type: "listItem", content: [{ type: "paragraph", content: [text("two")] }] },
          ],
        },
        { type: "orderedList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("first")] }] }] },
      ],
    };
    expect(toMarkdown(doc)).toBe("## Summary\n\nThe **ledger** ran `SELECT 1` — see [runbook](https://wiki.example.com/r)\n\n- one\n- two\n\n1. first\n");
  });

  it("drops unsafe links and unknown nodes, and escapes markdown in text", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "paragraph", content: [text("click", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]), text(" <img src=x onerror=alert(1)> *not bold*")] },
        { type: "rawHtml", content: [text("<script>alert(1)</script>")] },
      ],
    };
    expect(toMarkdown(doc)).toBe("click \\<img src=x onerror=alert(1)\\> \\*not bold\\*\n");
  });

  it("writes runbook steps as one task list, escaping what would read as markdown", () => {
    const step = (value: string) => ({ type: "runbookStep", attrs: { id: "s-1" }, content: value ? [text(value)] : [] });
    const doc = {
      type: "doc",
      content: [
        { type: "paragraph", content: [text("Before you start:")] },
        step("Check the [dashboard]"),
        step("Restart *all* pods"),
        { type: "paragraph", content: [text("Then wait.")] },
        step("Confirm"),
      ],
    };
    expect(toMarkdown(doc)).toBe("Before you start:\n\n- [ ] Check the \\[dashboard\\]\n- [ ] Restart \\*all\\* pods\n\nThen wait.\n\n- [ ] Confirm\n");
  });
});
