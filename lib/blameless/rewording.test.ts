import { describe, expect, it } from "vitest";
import { checkBlame } from "./check";
import { applyRewording, rewordingFor } from "./rewording";

/** The sentence after applying the first flag's rewording, or null when none is offered. */
function applied(text: string): string | null {
  const [flag] = checkBlame(text, { personNames: ["Sam Rivera"] });
  if (!flag) throw new Error(`nothing flagged in: ${text}`);
  const replacement = rewordingFor(flag);
  return replacement === null ? null : applyRewording(text, flag.start, flag.end, replacement);
}

describe("apply suggestion", () => {
  it("swaps the phrasings that have a neutral equivalent, keeping the sentence readable", () => {
    expect(applied("The outage was human error.")).toBe("The outage was an action the system made easy to get wrong.");
    expect(applied("The engineer failed to check the flag.")).toBe("The engineer was not prompted to check the flag.");
    expect(applied("The reviewer should have checked the diff.")).toBe("The reviewer could have checked the diff.");
    expect(applied("A careless change went out.")).toBe("A change went out.");
    expect(applied("Obviously the cache was cold.")).toBe("The cache was cold.");
    expect(applied("Riley just had to restart the pod.")).toBe("Riley had to restart the pod.");
  });

  it("leaves nothing the check would flag again", () => {
    for (const text of ["The engineer failed to check the flag.", "The reviewer should have checked the diff.", "A careless change went out.", "The outage was human error."]) {
      expect(checkBlame(applied(text) ?? "", { personNames: ["Sam Rivera"] })).toEqual([]);
    }
  });

  it("offers no automatic rewording where the sentence needs rethinking", () => {
    expect(applied("It was Sam's fault.")).toBeNull();
    expect(applied("The root cause was carelessness.")).toBeNull();
  });
});
