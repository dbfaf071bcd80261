import { describe, expect, it } from "vitest";
import { routeLabel } from "./route-label";

describe("the route label of HTTP metrics", () => {
  it("turns ids, numbers and references into placeholders and drops the query", () => {
    expect(routeLabel("/incidents/0b9c1f7e-3f7a-4c55-9f0e-2d8a5b6c7d8e?tab=timeline", 200)).toBe("/incidents/:id");
    expect(routeLabel("/api/alerts/0b9c1f7e-3f7a-4c55-9f0e-2d8a5b6c7d8e", 202)).toBe("/api/alerts/:id");
    expect(routeLabel("/incidents/INC-12", 200)).toBe("/incidents/:ref");
    expect(routeLabel("/api/v1/incidents/42/timeline", 200)).toBe("/api/v1/incidents/:n/timeline");
    expect(routeLabel("/", 200)).toBe("/");
  });

  it("keeps the number of series bounded: a 404 is one label, a tRPC batch one, static files one", () => {
    expect(routeLabel("/wp-admin/setup.php", 404)).toBe("(unknown)");
    expect(routeLabel("/api/trpc/nothing.here", 404)).toBe("(unknown)");
    expect(routeLabel("/api/trpc/incidents.get,incidents.timeline?batch=1", 200)).toBe("/api/trpc/(batch)");
    expect(routeLabel("/api/trpc/incidents.list?input=%7B%7D", 200)).toBe("/api/trpc/incidents.list");
    expect(routeLabel("/_next/static/chunks/app-1234.js", 200)).toBe("/_next/*");
  });
});
