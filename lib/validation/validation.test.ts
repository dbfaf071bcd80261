// The shared input building blocks, on their own: what each refuses, with which message, and that
// what the app itself produces (imported Markdown, editor documents) still passes.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { importMarkdown } from "@/lib/runbooks/markdown";
import { CURSOR_MESSAGE, encodeCursor, listCursor } from "./cursor";
import { dateInput } from "./dates";
import { isUuid, parseRouteId } from "./ids";
import { int4, positiveInt4 } from "./numbers";
import { documentProblem, MAX_DOCUMENT_DEPTH } from "./rich-document";
import { NUL_MESSAGE, SURROGATE_MESSAGE, text } from "./text";

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe("text", () => {
  const title = text({ min: 1, max: 10 });
  it("refuses NUL bytes and lone surrogates, keeps emoji and trims", () => {
    expect(messageOf(title, "a\u0000b")).toBe(NUL_MESSAGE);
    expect(messageOf(title, "a\ud800")).toBe(SURROGATE_MESSAGE);
    expect(messageOf(title, "\udc00a")).toBe(SURROGATE_MESSAGE);
    expect(title.parse("  ok 😀 ")).toBe("ok 😀");
    expect(messageOf(title, "x".repeat(11))).toMatch(/under 10 characters/);
  });
});

describe("int4", () => {
  it("stops at 2^31 − 1 and refuses fractions and non-numbers", () => {
    expect(positiveInt4().parse(2_147_483_647)).toBe(2_147_483_647);
    for (const value of [2 ** 31, 0, -1, 1.5, "1", Number.NaN, Number.POSITIVE_INFINITY]) expect(positiveInt4().safeParse(value).success, String(value)).toBe(false);
    expect(int4().safeParse(-(2 ** 31)).success).toBe(true);
    expect(int4().safeParse(-(2 ** 31) - 1).success).toBe(false);
  });
});

describe("ids", () => {
  it("tells UUIDs from strings that only look like one", () => {
    expect(isUuid("6f1c2a64-3b1e-4d7a-9c55-0d7f3e1a2b4c")).toBe(true);
    expect(isUuid("0123456789abcdef0123456789abcdef0123")).toBe(false);
    expect(isUuid("------------------------------------")).toBe(false);
    expect(parseRouteId("6F1C2A64-3B1E-4D7A-9C55-0D7F3E1A2B4C")).toBe("6f1c2a64-3b1e-4d7a-9c55-0d7f3e1a2b4c");
    expect(parseRouteId("%E0%A4%A")).toBeNull();
    expect(parseRouteId("0123456789abcdef0123456789abcdef0123")).toBeNull();
  });
});

describe("dates", () => {
  it("takes ISO dates, refuses loose strings and dates PostgreSQL cannot hold", () => {
    for (const value of ["2026-05-01T10:00:00Z", "2026-05-01", "2026-05-01T10:00", "2026-05-01T10:00:00.5+02:00", new Date()]) expect(dateInput().safeParse(value).success, String(value)).toBe(true);
    for (const value of ["-271821-04-20T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "not a date", "&7*", "7", "2026-05-01\u0000", 0, 1e20])
      expect(dateInput().safeParse(value).success, String(value)).toBe(false);
  });
});

describe("list cursors", () => {
  const cursor = listCursor(z.object({ id: z.uuid(), n: int4() }));
  it("round-trips what the server encoded and refuses anything else as out of date", () => {
    const position = { id: "6f1c2a64-3b1e-4d7a-9c55-0d7f3e1a2b4c", n: 3 };
    expect(cursor.parse(encodeCursor(position))).toEqual(position);
    for (const forged of [encodeCursor({ id: "zzz", n: 3 }), encodeCursor({ ...position, n: 2 ** 40 }), "e30", "!!!", "", "a".repeat(600)])
      expect(messageOf(cursor, forged), forged).toBe(CURSOR_MESSAGE);
  });
});

describe("rich documents", () => {
  it("accepts what Markdown import and the editor produce", () => {
    const imported = importMarkdown(
      "# Failover\n\nSummary\n\n## Steps\n\n- [ ] Drain **EU**\n- [x] Page [oncall](https://oncall.example)\n\n1. one\n2. two\n\n> quote\n\n```sh\nkubectl get pods\n```\n\n---\n\n| a | b |\n| - | - |\n| 1 | 2 |\n",
    );
    expect(documentProblem(imported.body)).toBeNull();
    const editor = {
      type: "doc",
      content: [
        { type: "callout", attrs: { tone: "warning" }, content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id: "u1", label: "Ada" } }] }] },
        { type: "taskList", content: [{ type: "taskItem", attrs: { checked: true }, content: [{ type: "paragraph" }] }] },
        { type: "table", content: [{ type: "tableRow", content: [{ type: "tableHeader", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: "paragraph" }] }] }] },
      ],
    };
    expect(documentProblem(editor)).toBeNull();
  });

  it("refuses wrong shapes, unknown types and documents too deep or too large, with a message", () => {
    const nested = (depth: number) => {
      let node: object = { type: "paragraph" };
      for (let level = 0; level < depth; level++) node = { type: "blockquote", content: [node] };
      return { type: "doc", content: [node] };
    };
    expect(documentProblem(nested(MAX_DOCUMENT_DEPTH - 2))).toBeNull();
    expect(documentProblem(nested(3000))).toMatch(/nested too deeply/);
    expect(documentProblem({ type: "doc", content: Array.from({ length: 25_000 }, () => ({ type: "paragraph" })) })).toMatch(/too long/);
    expect(documentProblem({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: 5 }] }] })).toMatch(/text must be a string/);
    expect(documentProblem({ type: "doc", content: [{ type: "paragraph", content: "x" }] })).toMatch(/content must be a list/);
    expect(documentProblem({ type: "doc", content: [{ type: "script" }] })).toMatch(/does not know \("script"\)/);
    expect(documentProblem({ type: "doc", content: [{ type: "text", text: "x", marks: [{ type: "onclick" }] }] })).toMatch(/formatting/);
    expect(documentProblem({ type: "doc", content: [{ type: "paragraph", attrs: { a: { b: 1 } } }] })).toMatch(/setting/);
    expect(documentProblem({ type: "doc", content: [{ type: "text", text: "\u0000" }] })).toBe(NUL_MESSAGE);
    expect(documentProblem("doc")).toMatch(/must be a document/);
  });
});
