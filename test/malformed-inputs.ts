// Malformed values for a procedure's input, derived from its zod schema at run time: each value
// keeps the input's shape but breaks one field (or the whole input) in a way the schema must refuse.
import fc from "fast-check";
import type { z } from "zod";

type Def = { type: string; format?: string; coerce?: boolean; [key: string]: unknown };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

export type Shape =
  | { kind: "object"; fields: Record<string, Shape> }
  | { kind: "array"; element: Shape }
  | { kind: "record"; value: Shape; keys: string[] }
  | { kind: "optional" | "nullable"; inner: Shape }
  | { kind: "string"; format?: string }
  | { kind: "number" | "coercedNumber" | "date" | "boolean" | "document" | "void" | "unknown" }
  | { kind: "enum"; options: string[] };

/** The input's shape as far as malformed values need it (wrappers, pipes and refinements seen through). */
export function shapeOf(schema: z.ZodType): Shape {
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      return { kind: "object", fields: Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([key, field]) => [key, shapeOf(field)])) };
    case "array":
      return { kind: "array", element: shapeOf(def.element as z.ZodType) };
    case "record": {
      const keys = defOf(def.keyType as z.ZodType);
      return { kind: "record", value: shapeOf(def.valueType as z.ZodType), keys: keys.type === "enum" ? Object.values(keys.entries as Record<string, string>) : ["key"] };
    }
    case "optional":
    case "default":
    case "prefault":
      return { kind: "optional", inner: shapeOf(def.innerType as z.ZodType) };
    case "nullable":
      return { kind: "nullable", inner: shapeOf(def.innerType as z.ZodType) };
    case "pipe":
      return shapeOf(def.in as z.ZodType);
    case "string":
      return { kind: "string", format: def.format };
    case "number":
      return { kind: def.coerce ? "coercedNumber" : "number" };
    case "date":
      return { kind: "date" };
    case "union": {
      // A date input is a union of the forms it takes (Date, epoch, ISO string): fuzz it as a date.
      const options = (def.options as z.ZodType[]).map(shapeOf);
      return options.find((option) => option.kind === "date") ?? options[0] ?? { kind: "unknown" };
    }
    case "boolean":
      return { kind: "boolean" };
    case "enum":
      return { kind: "enum", options: Object.values(def.entries as Record<string, string>) };
    case "literal":
      return { kind: "enum", options: (def.values as unknown[]).map(String) };
    case "custom":
      return { kind: "document" };
    case "void":
      return { kind: "void" };
    default:
      return { kind: "unknown" };
  }
}

export type Ids = Record<string, string>;

/** A plausible value for a field: real ids where the name says which record, so a call gets as far as it can. */
export function baseValue(shape: Shape, key: string, ids: Ids): unknown {
  switch (shape.kind) {
    case "object":
      return Object.fromEntries(Object.entries(shape.fields).map(([name, field]) => [name, baseValue(field, name, ids)]));
    case "optional":
      return undefined;
    case "nullable":
      return baseValue(shape.inner, key, ids);
    case "array":
      return [];
    case "record":
      return Object.fromEntries(shape.keys.map((name) => [name, baseValue(shape.value, name, ids)]));
    case "string":
      if (shape.format === "uuid") return ids[key] ?? ids.default;
      if (shape.format === "email") return "someone@example.com";
      if (shape.format === "url") return "https://example.com/";
      return "Plain text";
    case "number":
    case "coercedNumber":
      return 1;
    case "date":
      return new Date("2026-01-01T00:00:00Z").toISOString();
    case "boolean":
      return false;
    case "enum":
      return shape.options[0];
    case "document":
      return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text" }] }] };
    default:
      return undefined;
  }
}

const deep = (depth: number, leaf: unknown = "x"): unknown => {
  let value: unknown = leaf;
  for (let level = 0; level < depth; level++) value = level % 2 ? { a: value } : [value];
  return value;
};
const deepDocument = (depth: number) => {
  let node: object = { type: "paragraph", content: [{ type: "text", text: "deep" }] };
  for (let level = 0; level < depth; level++) node = { type: "blockquote", content: [node] };
  return { type: "doc", content: [node] };
};

// Text no storable, bounded field accepts: control characters, broken UTF-16, far too long.
const badText = fc.oneof(
  fc.string({ maxLength: 20 }).map((text) => `${text}\u0000`),
  fc.string({ maxLength: 20 }).map((text) => `\u0000${text}`),
  fc.constantFrom("\ud800", "x\udfff", "emoji \ud83d", "\udc00\ud800"),
  // Longer than any field allows, counted in code points as zod counts.
  fc.constantFrom("x".repeat(300_000), "\u{1F600}".repeat(300_001)),
);
const hugeNumbers = fc.constantFrom(2 ** 31, 2 ** 32, 2 ** 53, 2 ** 63, 1e308, -(2 ** 31) - 1, -1e308);
const notWhole = fc.constantFrom(1.5, 0.000_001, -0.5);
const deepValue = fc.integer({ min: 201, max: 400 }).map((depth) => deep(depth));
const wrongContainer = fc.constantFrom<unknown>({}, [], [[]], { "\u0000": 1 });

/** Values that `shape` must refuse. Null and absent values are left out where the shape allows them. */
export function malformed(shape: Shape, key: string, ids: Ids): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case "optional":
    case "nullable":
      return malformed(shape.inner, key, ids);
    case "object": {
      const names = Object.keys(shape.fields);
      const whole = fc.oneof(badText, hugeNumbers, deepValue, fc.constantFrom<unknown>([], "text", true));
      if (!names.length) return whole;
      const base = baseValue(shape, key, ids) as Record<string, unknown>;
      const oneField = fc.constantFrom(...names).chain((name) => malformed(shape.fields[name]!, name, ids).map((value) => ({ ...base, [name]: value })));
      return fc.oneof({ arbitrary: oneField, weight: 4 }, { arbitrary: whole, weight: 1 });
    }
    case "array":
      return fc.oneof(
        malformed(shape.element, key, ids).map((value) => [value]),
        fc.constant(Array.from({ length: 20_000 }, () => baseValue(shape.element, key, ids))),
        badText,
        deepValue,
        fc.constantFrom<unknown>({}, 5, true),
      );
    case "record": {
      const base = baseValue(shape, key, ids) as Record<string, unknown>;
      return fc.oneof(
        malformed(shape.value, key, ids).map((value) => ({ ...base, [shape.keys[0]!]: value })),
        badText.map((name) => ({ ...base, [name]: baseValue(shape.value, name, ids) })),
        deepValue,
        fc.constantFrom<unknown>([], "text", 5),
      );
    }
    case "string": {
      const wrongType = fc.oneof(hugeNumbers, wrongContainer, deepValue, fc.constantFrom<unknown>(true, 0));
      if (shape.format === "uuid")
        return fc.oneof(
          badText,
          wrongType,
          fc.constantFrom("0123456789abcdef0123456789abcdef0123", "------------------------------------", "00000000-0000-0000-0000-00000000000g", "ffffffff-ffff-ffff-ffff-fffffffffffff"),
        );
      return fc.oneof(badText, wrongType);
    }
    case "number":
      return fc.oneof(hugeNumbers, notWhole, badText, wrongContainer, deepValue, fc.constantFrom<unknown>("12", true));
    case "coercedNumber":
      // Coerced from text, so "12" would be valid; Number({}) and Number("x") are NaN.
      return fc.oneof(hugeNumbers, notWhole, badText, fc.constantFrom<unknown>({}, "x", "1e400", String(2 ** 31)));
    case "date":
      // Coerced too: a small number is a valid date, so only numbers beyond any real date are used.
      return fc.oneof(badText, fc.constantFrom<unknown>(1e20, -1e20, 8.64e15, -8.64e15, "-271821-04-20T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "not a date", {}), deepValue);
    case "boolean":
      return fc.oneof(badText, hugeNumbers, wrongContainer, fc.constantFrom<unknown>("true", 1, "false"));
    case "enum":
      return fc.oneof(badText, hugeNumbers, wrongContainer, deepValue, fc.constantFrom<unknown>(`${shape.options[0]}\u0000`, "definitely_not_an_option"));
    case "document":
      return fc.oneof(
        // Past the editor's 50 levels; 3,000 deep (sent as raw JSON, too deep to serialize here) is in bad-input.test.ts.
        fc.integer({ min: 51, max: 400 }).map(deepDocument),
        badText.map((text) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] })),
        fc.constantFrom<unknown>(
          { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: 5 }] }] },
          { type: "doc", content: [{ type: "paragraph", content: "text" }] },
          { type: "doc", content: [{ type: "iframe" }] },
          { type: "doc", content: [{ type: "paragraph", attrs: [] }] },
          { type: "doc", content: [{ type: "text", text: "x", marks: [{ type: "script" }] }] },
          { type: "doc", content: Array.from({ length: 25_000 }, () => ({ type: "paragraph" })) },
          "doc",
          [],
        ),
        deepValue,
      );
    case "void":
      return fc.oneof(badText, hugeNumbers, deepValue, fc.constantFrom<unknown>({ a: 1 }, [], "x"));
    default:
      return fc.oneof(badText, deepValue);
  }
}
