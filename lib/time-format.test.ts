import { describe, expect, it } from "vitest";
import { formatClock, formatRelative, formatUtcDateTime, formatUtcDay, formatUtcTime, toDateTimeLocalValue } from "./time-format";

const at = new Date("2026-12-02T09:41:07Z");

describe("time formatting", () => {
  it("says how long ago in words a person reads at a glance, then falls back to the date", () => {
    const now = at.getTime();
    expect(formatRelative(at, now + 10_000)).toBe("just now");
    // A row refetched just after the clock last ticked is "just now", not in the future.
    expect(formatRelative(at, now - 5_000)).toBe("just now");
    expect(formatRelative(at, now + 5 * 60_000)).toBe("5 min ago");
    expect(formatRelative(at, now + 60 * 60_000)).toBe("1 hour ago");
    expect(formatRelative(at, now + 3 * 86_400_000)).toBe("3 days ago");
    expect(formatRelative(at, now + 40 * 86_400_000)).toMatch(/2026/);
  });

  it("writes UTC times that read the same for every viewer", () => {
    expect(formatUtcTime(at)).toBe("09:41 UTC");
    expect(formatUtcDateTime(at)).toBe("2026-12-02 09:41 UTC");
    expect(formatUtcDay(new Date("2026-12-02T23:30:00Z"))).toMatch(/Dec.*2|2.*Dec/);
  });

  it("shows the incident clock in UTC with its zone when asked", () => {
    const text = formatClock(at, { isUtc: true });
    expect(text).toMatch(/09:41:07/);
    expect(text).toMatch(/UTC/);
  });

  it("gives a datetime-local input the same moment back", () => {
    expect(new Date(toDateTimeLocalValue(at)).getTime()).toBe(new Date("2026-12-02T09:41:00Z").getTime());
  });
});
