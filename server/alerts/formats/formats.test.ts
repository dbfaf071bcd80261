// The parts every format shares: fingerprints that do not depend on label order, tiers from severity,
// Go's zero time read as "no time", links limited to http(s), and readable refusals.
import { describe, expect, it } from "vitest";
import { labelsFingerprint, safeUrl, senderTime, tierFromSeverity } from "./alert-record";
import { parseAlertmanager } from "./alertmanager";
import { parsePagerduty } from "./pagerduty";

describe("alert formats", () => {
  it("fingerprints a label set the same in any order, and differently when a value differs", () => {
    expect(labelsFingerprint({ a: "1", b: "2" })).toBe(labelsFingerprint({ b: "2", a: "1" }));
    expect(labelsFingerprint({ a: "1", b: "2" })).not.toBe(labelsFingerprint({ a: "1", b: "3" }));
    expect(labelsFingerprint({ "a,b": "c" })).not.toBe(labelsFingerprint({ a: "b,c" }));
  });

  it("derives the tier from severity: critical/page → critical, warning/error → warning, anything else → info", () => {
    expect(["critical", "PAGE", "p1"].map(tierFromSeverity)).toEqual(["critical", "critical", "critical"]);
    expect(["warning", "error"].map(tierFromSeverity)).toEqual(["warning", "warning"]);
    expect(["info", "none", undefined].map(tierFromSeverity)).toEqual(["info", "info", "info"]);
  });

  it("reads Go's zero time and unreadable or out-of-range times as no time", () => {
    expect(senderTime("0001-01-01T00:00:00Z")).toBeNull();
    expect(senderTime("yesterday")).toBeNull();
    expect(senderTime("2026-12-01T10:00:00.123Z")?.toISOString()).toBe("2026-12-01T10:00:00.123Z");
  });

  it("keeps only http(s) links", () => {
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("https://grafana.example/d/1")).toBe("https://grafana.example/d/1");
  });

  it("names the first problem of a payload that does not fit", () => {
    expect(parseAlertmanager({ alerts: [{ status: "firing" }] })).toEqual({
      problem: "This is not a Prometheus Alertmanager webhook payload: alerts[0].labels: must be an object of names and values",
    });
    expect(parsePagerduty({ event_action: "resolve" })).toEqual({ problem: "This is not a PagerDuty Events API v2 payload: dedup_key: is required to resolve" });
    expect(parsePagerduty({ event_action: "trigger", payload: { summary: "s", source: "x", severity: "urgent" } })).toEqual({
      problem: "This is not a PagerDuty Events API v2 payload: payload.severity: must be critical, error, warning or info",
    });
  });
});
