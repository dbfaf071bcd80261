import { describe, expect, it } from "vitest";
import { checkDelivery } from "./fanout-run";

/** A watcher that received these note indexes, in this order (repeats are duplicates). */
function watcher(...arrivals: number[]) {
  const received = new Map<number, number>();
  for (const index of arrivals) received.set(index, (received.get(index) ?? 0) + 1);
  return { received, arrivals: [...new Set(arrivals)] };
}

// Notes 0-3, committed in the order 0, 2, 1, 3 (concurrent writes): the sequence decides the order.
const acknowledged = [
  { index: 0, seq: 10 },
  { index: 1, seq: 12 },
  { index: 2, seq: 11 },
  { index: 3, seq: 13 },
];

describe("the fan-out delivery check", () => {
  it("passes a watcher that got every note once in commit order, whatever the send order", () => {
    expect(checkDelivery([watcher(0, 2, 1, 3)], acknowledged)).toEqual({ missing: 0, duplicates: 0, outOfOrder: 0, faultyWatchers: 0, unordered: 0 });
  });

  it("counts missing, duplicate and out-of-order notes, and the watchers they hit", () => {
    const result = checkDelivery([watcher(0, 2, 1, 3), watcher(0, 1, 2, 3), watcher(0, 2, 2, 3), watcher(0, 2, 1, 3, 9)], acknowledged);
    expect(result).toEqual({ missing: 1, duplicates: 1, outOfOrder: 1, faultyWatchers: 2, unordered: 0 });
  });

  it("says when the order cannot be checked because a write's answer carried no sequence", () => {
    expect(
      checkDelivery(
        [watcher(1, 0)],
        [
          { index: 0, seq: null },
          { index: 1, seq: null },
        ],
      ),
    ).toMatchObject({ outOfOrder: 0, unordered: 2 });
  });
});
