import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { flagsInBlocks, textBlocksOfJson } from "@/lib/blameless/document-flags";
import { textBlocksOf } from "./blame-check";
import { documentExtensions } from "./document-extensions";

const schema = getSchema(documentExtensions);
const json = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Then " },
        { type: "mention", attrs: { id: "00000000-0000-4000-8000-000000000001", label: "Sam Rivera" } },
        { type: "text", text: " failed to check the config." },
      ],
    },
  ],
};

describe("blameless check around mentions", () => {
  it("reads a mention as the person's name, so naming them as the cause is flagged", () => {
    const [block] = textBlocksOf(schema.nodeFromJSON(json));
    expect(block?.text).toBe("Then @Sam Rivera failed to check the config.");
    const rules = flagsInBlocks([block!], ["Sam Rivera"]).map((flag) => flag.ruleId);
    expect(rules.length).toBeGreaterThanOrEqual(1);
  });

  it("maps every flag back to the right document positions, though a mention is one position wide", () => {
    const doc = schema.nodeFromJSON(json);
    const [block] = textBlocksOf(doc);
    const start = block!.text.indexOf("failed to");
    const from = block!.positions[start]!;
    const to = block!.positions[start + "failed to".length - 1]! + 1;
    expect(doc.textBetween(from, to)).toBe("failed to");
    expect(block!.positions[block!.text.indexOf("@Sam")]).toBe(block!.positions[block!.text.indexOf("Rivera")]);
  });

  it("reads the stored JSON the same way, so the editor's and the server's flag keys agree", () => {
    const [fromEditor] = textBlocksOf(schema.nodeFromJSON(json));
    const [fromServer] = textBlocksOfJson(json);
    expect(fromServer?.text).toBe(fromEditor?.text);
  });
});
