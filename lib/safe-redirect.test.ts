import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const refused: [string, string][] = [
  ["another origin", "https://evil.example/"],
  ["protocol-relative", "//evil.example/"],
  ["backslash after the slash", "/\\evil.example"],
  ["two backslashes", "\\\\evil.example"],
  ["a tab between the slashes (the reported case)", "/\t/evil.example/"],
  ["a newline between the slashes", "/\n/evil.example/"],
  ["a carriage return between the slashes", "/\r/evil.example"],
  ["a leading space before //", " //evil.example"],
  ["a tab before the first slash", "\t//evil.example"],
  ["a backslash and a tab", "/\t\\evil.example"],
  ["a dot segment that collapses to //", "/.//evil.example"],
  ["a parent segment that collapses to //", "/x/..//evil.example"],
  ["scheme without slashes", "https:evil.example"],
  ["javascript:", "javascript:alert(1)"],
  ["javascript: with a tab", "java\tscript:alert(1)"],
  ["data:", "data:text/html,<script>alert(1)</script>"],
  ["credentials in the URL", "http://user:pass@daytwo.invalid/incidents"],
  ["empty", ""],
];

const kept: [string, string, string][] = [
  ["a plain path with a query", "/settings/users?x=1", "/settings/users?x=1"],
  ["a fragment", "/incidents/7#timeline", "/incidents/7#timeline"],
  ["an encoded slash stays a path segment", "/%2F/evil.example", "/%2F/evil.example"],
  ["an encoded tab stays encoded", "/%09/evil.example", "/%09/evil.example"],
  ["a relative path resolves under the root", "incidents", "/incidents"],
  // Same scheme, no host: a path on this origin, returned as a path, never as the raw input.
  ["a scheme with one slash", "http:/evil.example", "/evil.example"],
];

describe("redirect after sign-in", () => {
  it.each(refused)("refuses %s", (_label, input) => {
    expect(safeRedirectPath(input)).toBe("/incidents");
  });

  it.each(kept)("keeps %s", (_label, input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it("refuses missing values and files", () => {
    expect(safeRedirectPath(null)).toBe("/incidents");
    expect(safeRedirectPath(undefined)).toBe("/incidents");
    expect(safeRedirectPath(new File(["x"], "x.txt"))).toBe("/incidents");
  });

  it("with the app's origin, keeps absolute URLs on it and refuses every other origin", () => {
    const origin = "https://daytwo.example.com";
    expect(safeRedirectPath("https://daytwo.example.com/incidents/3?tab=x", origin)).toBe("/incidents/3?tab=x");
    expect(safeRedirectPath("http://daytwo.example.com/incidents", origin)).toBe("/incidents");
    expect(safeRedirectPath("https://daytwo.example.com.evil.example/", origin)).toBe("/incidents");
    expect(safeRedirectPath("https://daytwo.example.com:444/", origin)).toBe("/incidents");
    expect(safeRedirectPath("https://daytwo.example.com/\t/evil.example", origin)).toBe("/incidents");
  });
});
