import { describe, expect, it } from "vitest";
import { transformer } from "./transformer";

// What the client and the server each see after a value crosses the wire.
const roundTrip = (value: unknown) => transformer.deserialize(JSON.parse(JSON.stringify(transformer.serialize(value))));

describe("tRPC transformer", () => {
  it("brings Dates back as Dates, at any depth, and leaves the value it was given untouched", () => {
    const at = new Date("2026-11-23T03:04:05.678Z");
    const value = { at, events: [{ occurredAt: at, data: { nested: [at, "text", 3, true, null] } }] };
    const result = roundTrip(value) as typeof value;
    expect(result.at).toBeInstanceOf(Date);
    expect(result.at.toISOString()).toBe(at.toISOString());
    expect(result.events[0]?.data.nested).toEqual([at, "text", 3, true, null]);
    expect(value.events[0]?.occurredAt).toBe(at);
  });

  it("never turns text a person typed into a Date, even text that looks like the tag", () => {
    const tricky = ["\u0000d:2026-01-01T00:00:00.000Z", "\u0000", "\u0000\u0000x", "d:2026-01-01", ""];
    expect(roundTrip({ tricky })).toEqual({ tricky });
  });

  it("keeps an invalid Date invalid and drops undefined properties like JSON does", () => {
    const result = roundTrip({ bad: new Date(Number.NaN), gone: undefined, kept: 0 }) as { bad: Date; kept: number };
    expect(Number.isNaN(result.bad.getTime())).toBe(true);
    expect(result).not.toHaveProperty("gone");
    expect(result.kept).toBe(0);
  });
});
