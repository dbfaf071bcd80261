import { getSchema } from "@tiptap/core";
import { StarterKit } from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import { RunbookStep } from "./runbook-step";
import { isStepId, newStepId } from "./step-id";

describe("runbook step node", () => {
  const schema = getSchema([StarterKit, RunbookStep]);

  it("is a block of inline content with an id, alongside the ordinary nodes", () => {
    const doc = schema.nodeFromJSON({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Steps" }] },
        {
          type: "runbookStep",
          attrs: { id: "s-1" },
          content: [
            { type: "text", text: "Page the " },
            { type: "text", text: "DBA", marks: [{ type: "bold" }] },
          ],
        },
      ],
    });
    doc.check();
    expect(doc.child(1).attrs).toEqual({ id: "s-1" });
    expect(doc.child(1).textContent).toBe("Page the DBA");
  });

  it("refuses block content inside a step", () => {
    const bad = schema.nodeFromJSON({ type: "doc", content: [{ type: "runbookStep", attrs: { id: "s-1" }, content: [{ type: "paragraph" }] }] });
    expect(() => bad.check()).toThrow();
  });

  it("makes ids that are unique and safe to put in an attribute", () => {
    const ids = new Set(Array.from({ length: 500 }, newStepId));
    expect(ids.size).toBe(500);
    expect([...ids].every(isStepId)).toBe(true);
    expect(isStepId('x" onclick="y')).toBe(false);
    expect(isStepId("")).toBe(false);
    expect(isStepId(42)).toBe(false);
  });
});
