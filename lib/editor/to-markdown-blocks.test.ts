import { describe, expect, it } from "vitest";
import { toMarkdown, type JsonNode } from "./to-markdown";

const text = (value: string, marks?: { type: string }[]): JsonNode => ({ type: "text", text: value, marks });
const paragraph = (...content: JsonNode[]): JsonNode => ({ type: "paragraph", content });
const cell = (type: string, ...content: JsonNode[]): JsonNode => ({ type, content: [paragraph(...content)] });

describe("markdown export: task lists, tables, callouts and mentions", () => {
  it("writes GFM task lists, nested ones indented", () => {
    const doc = {
      type: "doc",
      content: [
        {
          type: "taskList",
          content: [
            {
              type: "taskItem",
              attrs: { checked: true },
              content: [paragraph(text("Rotate keys")), { type: "taskList", content: [{ type: "taskItem", attrs: { checked: false }, content: [paragraph(text("staging"))] }] }],
            },
            { type: "taskItem", attrs: { checked: "yes" }, content: [paragraph(text("[x] not a tick"))] },
          ],
        },
      ],
    };
    expect(toMarkdown(doc)).toBe("- [x] Rotate keys\n   - [ ] staging\n- [ ] \\[x\\] not a tick\n");
  });

  it("writes GFM tables with the header row first and pipes and script escaped in cells", () => {
    const doc = {
      type: "doc",
      content: [
        {
          type: "table",
          content: [
            { type: "tableRow", content: [cell("tableHeader", text("Service")), cell("tableHeader", text("Note"))] },
            { type: "tableRow", content: [cell("tableCell", text("ledger")), cell("tableCell", text("a|b <script>alert(1)</script>"))] },
            { type: "tableRow", content: [cell("tableCell", text("x|y", [{ type: "code" }]))] },
          ],
        },
      ],
    };
    expect(toMarkdown(doc)).toBe("| Service | Note |\n| --- | --- |\n| ledger | a\\|b \\<script\\>alert(1)\\</script\\> |\n| `x\\|y` |  |\n");
  });

  it("writes callouts as labelled quotes, with an unknown tone read as a note", () => {
    const callout = (tone: unknown): JsonNode => ({ type: "callout", attrs: { tone }, content: [paragraph(text("Check the pool size.")), paragraph(text("Then restart."))] });
    expect(toMarkdown({ type: "doc", content: [callout("warning")] })).toBe("> **Warning:** Check the pool size.\n>\n> Then restart.\n");
    expect(toMarkdown({ type: "doc", content: [callout('x onload="alert(1)"')] })).toBe("> **Note:** Check the pool size.\n>\n> Then restart.\n");
  });

  it("writes mentions as @Name, escaped, and leaves out a mention without a name", () => {
    const doc = {
      type: "doc",
      content: [paragraph(text("Thanks "), { type: "mention", attrs: { id: "u1", label: "Sam <img src=x onerror=alert(1)>" } }, text("!"), { type: "mention", attrs: { id: "u2" } })],
    };
    expect(toMarkdown(doc)).toBe("Thanks @Sam \\<img src=x onerror=alert(1)\\>!\n");
  });
});
