import { describe, expect, it } from "vitest";
import { matchesAlert, suggestRunbooks, type SuggestionCandidate, type SuggestionIncident } from "./suggest";

const checkout = { id: "svc-checkout", name: "Checkout API" };
const search = { id: "svc-search", name: "Search" };
const incident: SuggestionIncident = {
  kind: "incident",
  severityId: 2,
  severityName: "SEV2",
  services: [checkout],
  alerts: [{ labels: { alertname: "HighErrorRate", service: "checkout", env: "prod" } }],
};
const runbook = (id: string, overrides: Partial<SuggestionCandidate> = {}): SuggestionCandidate => ({
  id,
  title: id,
  serviceIds: [],
  incidentKinds: [],
  severityIds: [],
  alertMatchers: [],
  ...overrides,
});

describe("runbook suggestions", () => {
  it("match alert labels only when every matcher matches one alert", () => {
    expect(
      matchesAlert(
        [
          { label: "alertname", value: "HighErrorRate" },
          { label: "service", value: "checkout" },
        ],
        incident.alerts[0]!.labels,
      ),
    ).toBe(true);
    expect(
      matchesAlert(
        [
          { label: "alertname", value: "HighErrorRate" },
          { label: "service", value: "search" },
        ],
        incident.alerts[0]!.labels,
      ),
    ).toBe(false);
    expect(matchesAlert([], { alertname: "x" })).toBe(false);
  });

  it("suggest by service and alert, strongest first, with reasons", () => {
    const result = suggestRunbooks(incident, [
      runbook("by-service", { serviceIds: [checkout.id] }),
      runbook("by-alert", { alertMatchers: [{ label: "alertname", value: "HighErrorRate" }] }),
      runbook("both", { serviceIds: [checkout.id], alertMatchers: [{ label: "service", value: "checkout" }] }),
      runbook("other-service", { serviceIds: [search.id] }),
      runbook("other-alert", { alertMatchers: [{ label: "alertname", value: "DiskFull" }] }),
    ]);
    expect(result.map((s) => s.runbookId)).toEqual(["both", "by-alert", "by-service"]);
    expect(result[0]?.reasons).toEqual(["Matches alert service=checkout", "Linked to Checkout API"]);
  });

  it("leave out runbooks limited to other kinds or severities; a matching severity ranks higher", () => {
    const result = suggestRunbooks(incident, [
      runbook("drills-only", { serviceIds: [checkout.id], incidentKinds: ["drill"] }),
      runbook("sev1-only", { serviceIds: [checkout.id], severityIds: [1] }),
      runbook("sev2", { serviceIds: [checkout.id], severityIds: [2] }),
      runbook("any", { serviceIds: [checkout.id] }),
    ]);
    expect(result).toEqual([
      { runbookId: "sev2", score: 4, reasons: ["Linked to Checkout API", "For SEV2"] },
      { runbookId: "any", score: 3, reasons: ["Linked to Checkout API"] },
    ]);
  });

  it("suggest drill runbooks for drills even without a service", () => {
    const drill = { ...incident, kind: "drill" as const, services: [], alerts: [] };
    expect(suggestRunbooks(drill, [runbook("game-day", { incidentKinds: ["drill"] }), runbook("plain")])).toEqual([{ runbookId: "game-day", score: 1, reasons: ["For drills"] }]);
    expect(suggestRunbooks(incident, [runbook("game-day", { incidentKinds: ["drill"] })])).toEqual([]);
  });
});
