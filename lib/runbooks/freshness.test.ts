import { describe, expect, it } from "vitest";
import { computeFreshness, type FreshnessInput } from "./freshness";

const DAY = 86_400_000;
const now = new Date("2026-11-23T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const daysAhead = (n: number) => new Date(now.getTime() + n * DAY);
const base: FreshnessInput = {
  createdAt: daysAgo(100),
  updatedAt: daysAgo(30),
  lastReviewedAt: daysAgo(10),
  lastUsedAt: daysAgo(5),
  reviewIntervalDays: 90,
  openActionItemDueDates: [],
  unhelpfulFeedbackAt: [],
};
const at = (overrides: Partial<FreshnessInput>, clock = now) => computeFreshness({ ...base, ...overrides }, clock);

describe("runbook freshness", () => {
  it("is fresh when reviewed recently, used, with no open items or complaints", () => {
    expect(at({})).toEqual({ state: "fresh", reasons: [] });
  });

  it("is stale once the review interval has passed since the last review", () => {
    expect(at({ lastReviewedAt: daysAgo(91) })).toMatchObject({ state: "stale", reasons: [expect.stringMatching(/^Review overdue since 2026-11-22/)] });
  });

  it("counts from creation when never reviewed", () => {
    expect(at({ lastReviewedAt: null, createdAt: daysAgo(31), updatedAt: daysAgo(31), reviewIntervalDays: 30 }).reasons).toEqual(["Never reviewed; review was due 2026-11-22"]);
    expect(at({ lastReviewedAt: null, createdAt: daysAgo(1), updatedAt: daysAgo(1), reviewIntervalDays: 30 }).state).toBe("fresh");
  });

  it("asks for a review within 14 days of the due date, and moves with the clock", () => {
    expect(at({ lastReviewedAt: daysAgo(80) })).toEqual({ state: "review_soon", reasons: ["Review due in 10 days"] });
    expect(at({ lastReviewedAt: daysAgo(80) }, daysAgo(10)).state).toBe("fresh");
    expect(at({ lastReviewedAt: daysAgo(80) }, daysAhead(11)).state).toBe("stale");
  });

  it("an open action item targeting it means review soon; an overdue one makes it stale", () => {
    expect(at({ openActionItemDueDates: [daysAhead(5)] })).toEqual({ state: "review_soon", reasons: ["1 open action item targets this runbook"] });
    expect(at({ openActionItemDueDates: [daysAhead(5), daysAgo(1)] })).toEqual({
      state: "stale",
      reasons: ["1 overdue action item targets this runbook", "1 open action item targets this runbook"],
    });
  });

  it("one unhelpful vote since the last review or edit means review soon, two make it stale; an edit resets the count", () => {
    expect(at({ unhelpfulFeedbackAt: [daysAgo(2)] })).toEqual({ state: "review_soon", reasons: ["Marked not helpful once since the last review or edit"] });
    expect(at({ unhelpfulFeedbackAt: [daysAgo(2), daysAgo(3)] }).state).toBe("stale");
    expect(at({ unhelpfulFeedbackAt: [daysAgo(20), daysAgo(25)] }).state).toBe("fresh");
    expect(at({ unhelpfulFeedbackAt: [daysAgo(2), daysAgo(3)], updatedAt: daysAgo(1) }).state).toBe("fresh");
  });

  it("not used, reviewed or edited for 180 days means review soon even with a long interval", () => {
    const idle = { createdAt: daysAgo(400), updatedAt: daysAgo(200), lastReviewedAt: daysAgo(190), lastUsedAt: daysAgo(185), reviewIntervalDays: 365 };
    expect(at(idle)).toEqual({ state: "review_soon", reasons: ["Not used, reviewed or edited for over 180 days"] });
    expect(at({ ...idle, lastUsedAt: daysAgo(3) }).state).toBe("fresh");
  });

  it("the worst rule wins and its reason comes first", () => {
    const result = at({ lastReviewedAt: daysAgo(200), lastUsedAt: null, updatedAt: daysAgo(200), createdAt: daysAgo(300), openActionItemDueDates: [daysAhead(3)] });
    expect(result.state).toBe("stale");
    expect(result.reasons[0]).toMatch(/^Review overdue/);
    expect(result.reasons).toHaveLength(3);
  });
});
