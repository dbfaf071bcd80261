import { describe, expect, it } from "vitest";
import { assignStepIds, docToText, extractSteps, type RunbookDoc } from "./steps";

const step = (text: string, id?: unknown) => ({ type: "runbookStep", ...(id === undefined ? {} : { attrs: { id } }), content: [{ type: "text", text }] });
const doc: RunbookDoc = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Triage" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Look at " },
        { type: "text", text: "the graph", marks: [{ type: "bold" }] },
      ],
    },
    step("Check the dashboard", "s-one"),
    { type: "runbookStep", attrs: { id: "s-two" }, content: [{ type: "text", text: "Roll" }, { type: "hardBreak" }, { type: "text", text: "back" }] },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "a note" }] }] }] },
    { type: "codeBlock", content: [{ type: "text", text: "kubectl get pods\nkubectl logs x" }] },
    "garbage",
  ],
};

describe("runbook steps", () => {
  it("extracts steps in order with their ids and plain text", () => {
    expect(extractSteps(doc)).toEqual([
      { id: "s-one", text: "Check the dashboard" },
      { id: "s-two", text: "Roll back" },
    ]);
  });

  it("gives missing, malformed and duplicate ids fresh ones and keeps the first holder's", () => {
    let n = 0;
    const fixed = assignStepIds({ type: "doc", content: [step("a", "s-keep"), step("b"), step("c", "s-keep"), step("d", '"><script>')] }, () => `s-new${++n}`);
    expect(extractSteps(fixed).map((s) => s.id)).toEqual(["s-keep", "s-new1", "s-new2", "s-new3"]);
  });

  it("turns a document into one line per block for search and diffs", () => {
    expect(docToText(doc)).toBe("## Triage\nLook at the graph\n[ ] Check the dashboard\n[ ] Roll back\n- a note\nkubectl get pods\nkubectl logs x");
  });
});
