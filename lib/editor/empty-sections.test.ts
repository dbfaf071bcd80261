import { getSchema } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { documentExtensions } from "./document-extensions";
import { emptySections } from "./empty-sections";

const schema = getSchema(documentExtensions);
const heading = (level: number, text: string) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
const paragraph = (text?: string) => (text ? { type: "paragraph", content: [{ type: "text", text }] } : { type: "paragraph" });

describe("empty sections", () => {
  it("finds the headings with only blank lines under them; a reference block or any text counts as written", () => {
    const doc = Node.fromJSON(schema, {
      type: "doc",
      content: [
        heading(1, "INC-1 post-mortem"),
        { type: "incidentFacts", attrs: { incidentId: "00000000-0000-4000-8000-000000000001" } },
        heading(2, "Summary"),
        paragraph("The cache stampeded."),
        heading(2, "Impact"),
        paragraph(),
        paragraph(" "),
        heading(2, "Timeline"),
        { type: "incidentTimeline", attrs: { incidentId: "00000000-0000-4000-8000-000000000001" } },
        paragraph(),
        heading(2, "Lessons learned"),
        paragraph(),
      ],
    });
    const found = emptySections(doc);
    expect(found.map((section) => section.title)).toEqual(["Impact", "Lessons learned"]);
    // Each range covers the heading and its blank lines, up to the next heading (or the end).
    const [impact, lessons] = found;
    expect(doc.slice(impact!.from, impact!.to).content.childCount).toBe(3);
    expect(lessons!.to).toBe(doc.content.size);
  });
});
