import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("redirect after sign-in", () => {
  it("keeps same-site paths and refuses other origins", () => {
    expect(safeRedirectPath("/settings/users?x=1")).toBe("/settings/users?x=1");
    expect(safeRedirectPath("https://evil.example/")).toBe("/incidents");
    expect(safeRedirectPath("//evil.example/")).toBe("/incidents");
    expect(safeRedirectPath("/\\evil.example")).toBe("/incidents");
    expect(safeRedirectPath(null)).toBe("/incidents");
  });
});
