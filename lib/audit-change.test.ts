import { describe, expect, it } from "vitest";
import { collectUuids, describeAuditChange, fieldLabel } from "./audit-change";

const riley = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const platform = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";
const names = new Map([
  [riley, "Riley Responder"],
  [platform, "Platform"],
]);
const nameOf = (id: string) => names.get(id);

describe("audit change lines", () => {
  it("show only what changed, by field, before → after", () => {
    expect(describeAuditChange({ role: "viewer", name: "Casey" }, { role: "admin", name: "Casey" }, nameOf)).toEqual([{ field: "role", before: "viewer", after: "admin" }]);
  });

  it("name people and teams instead of showing their ids; an unknown id is shortened, not dumped", () => {
    const unknown = "11111111-2222-4333-8444-555555555555";
    expect(describeAuditChange({ ownerId: riley, teamId: null }, { ownerId: unknown, teamId: platform }, nameOf)).toEqual([
      { field: "owner", before: "Riley Responder", after: "11111111…" },
      { field: "team", before: null, after: "Platform" },
    ]);
  });

  it("list what a creation set, lists joined and flags as yes/no", () => {
    expect(describeAuditChange(null, { title: "Add a canary", serviceIds: [platform], isPrivate: false }, nameOf)).toEqual([
      { field: "title", before: null, after: "Add a canary" },
      { field: "services", before: null, after: "Platform" },
      { field: "is private", before: null, after: "no" },
    ]);
  });

  it("read plain values and nested objects without JSON punctuation", () => {
    expect(describeAuditChange("a", "b", nameOf)).toEqual([{ field: "", before: "a", after: "b" }]);
    expect(describeAuditChange({ dueDays: { sev1: 14 } }, { dueDays: { sev1: 21 } }, nameOf)).toEqual([{ field: "due days", before: "sev1: 14", after: "sev1: 21" }]);
    expect(describeAuditChange(null, null, nameOf)).toEqual([]);
  });

  it("find every id to look up, however deep", () => {
    expect([...collectUuids({ a: [riley, { b: platform }], c: "not-an-id" }, new Set())].sort()).toEqual([platform, riley].sort());
    expect(fieldLabel("severityId")).toBe("severity");
  });
});
