import { describe, expect, it } from "vitest";
import { inTurn } from "./write-queue";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("changes to one incident wait their turn in memory", () => {
  it("runs one incident's changes one at a time, in arrival order, and other incidents' alongside", async () => {
    const log: string[] = [];
    const change = (incident: string, name: string, ms: number) =>
      inTurn(incident, async () => {
        log.push(`${name} start`);
        await pause(ms);
        log.push(`${name} end`);
        return name;
      });
    const results = await Promise.all([change("a", "a1", 30), change("a", "a2", 1), change("b", "b1", 5)]);
    expect(results).toEqual(["a1", "a2", "b1"]);
    expect(log.indexOf("a2 start")).toBeGreaterThan(log.indexOf("a1 end"));
    expect(log.indexOf("b1 end")).toBeLessThan(log.indexOf("a1 end"));
  });

  it("a failed change does not block the next one", async () => {
    const failing = inTurn("c", async () => {
      throw new Error("refused");
    });
    await expect(failing).rejects.toThrow("refused");
    await expect(inTurn("c", async () => "next")).resolves.toBe("next");
  });
});
