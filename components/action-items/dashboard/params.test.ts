import { describe, expect, it } from "vitest";
import { filtersToQuery, readFilters } from "./params";

describe("dashboard URL filters", () => {
  it("round-trip known filters and drop malformed ones", () => {
    const filters = readFilters(new URLSearchParams("kind=detect&due=overdue&ownerId=11111111-1111-4111-8111-111111111111&status=bogus&teamId=<script>&weeks=12"));
    expect(filters).toEqual({ kind: "detect", due: "overdue", ownerId: "11111111-1111-4111-8111-111111111111", weeks: "12" });
    expect(filtersToQuery(filters)).toBe("?ownerId=11111111-1111-4111-8111-111111111111&kind=detect&due=overdue&weeks=12");
    expect(filtersToQuery({})).toBe("");
  });
});
