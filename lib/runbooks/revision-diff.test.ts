import { describe, expect, it } from "vitest";
import { diffRevisions } from "./revision-diff";

describe("revision diff", () => {
  it("reports title and summary changes and the body line by line", () => {
    const diff = diffRevisions(
      { title: "Checkout errors", summary: "When checkout fails", bodyText: "# Triage\n[ ] Check the dashboard\n[ ] Roll back" },
      { title: "Checkout 5xx", summary: "When checkout fails", bodyText: "# Triage\n[ ] Check the error dashboard\n[ ] Roll back\n[ ] Tell support" },
    );
    expect(diff.title).toEqual({ from: "Checkout errors", to: "Checkout 5xx" });
    expect(diff.summary).toBeUndefined();
    expect(diff.lines).toEqual([
      { kind: "same", text: "# Triage" },
      { kind: "removed", text: "[ ] Check the dashboard" },
      { kind: "added", text: "[ ] Check the error dashboard" },
      { kind: "same", text: "[ ] Roll back" },
      { kind: "added", text: "[ ] Tell support" },
    ]);
  });

  it("is empty between identical revisions and handles an empty body", () => {
    const same = { title: "A", summary: "", bodyText: "one\ntwo" };
    expect(diffRevisions(same, same)).toEqual({
      lines: [
        { kind: "same", text: "one" },
        { kind: "same", text: "two" },
      ],
    });
    expect(diffRevisions({ ...same, bodyText: "" }, same).lines.map((l) => l.kind)).toEqual(["added", "added"]);
  });
});
