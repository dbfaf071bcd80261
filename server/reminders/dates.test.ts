import { describe, expect, it } from "vitest";
import { isoDate, isoWeek } from "./dates";

describe("reminder calendar keys", () => {
  it("name ISO weeks the way ISO-8601 does, across year ends", () => {
    expect(isoWeek(new Date("2026-11-23T08:00:00Z"))).toBe("2026-W48");
    expect(isoWeek(new Date("2026-11-29T23:59:59Z"))).toBe("2026-W48");
    expect(isoWeek(new Date("2026-11-30T00:00:00Z"))).toBe("2026-W49");
    // 1 January 2027 is a Friday: it belongs to the last week of 2026.
    expect(isoWeek(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2024-12-30T12:00:00Z"))).toBe("2025-W01");
  });

  it("use the UTC calendar date", () => {
    expect(isoDate(new Date("2026-11-23T23:30:00-05:00"))).toBe("2026-11-24");
  });
});
