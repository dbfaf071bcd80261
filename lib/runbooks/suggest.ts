// Which runbooks fit an incident, and why. Pure: the caller loads the incident, its alerts and the
// candidate runbooks.
//
// A runbook is suggested when something specific ties it to the incident:
// - it is linked to one of the incident's services ("Linked to Checkout API"), or
// - every one of its alert matchers matches one of the incident's alerts ("Matches alert alertname=…"), or
// - it is written for drills and the incident is a drill ("For drills").
// Kinds and severities narrow: a runbook limited to other kinds or severities is not suggested; one
// limited to this severity ranks a little higher. Alerts outweigh services (they name the failure).
import { matchesAll, matcherText, type LabelMatcher } from "@/lib/alert-matchers";
import type { IncidentKind } from "@/lib/incident-lifecycle";

export { matcherText };
export type AlertMatcher = LabelMatcher;

export type SuggestionIncident = {
  kind: IncidentKind;
  severityId: number;
  severityName: string;
  services: { id: string; name: string }[];
  alerts: { labels: Record<string, string> }[];
};
export type SuggestionCandidate = { id: string; title: string; serviceIds: string[]; incidentKinds: IncidentKind[]; severityIds: number[]; alertMatchers: AlertMatcher[] };
export type Suggestion = { runbookId: string; score: number; reasons: string[] };

const ALERT_WEIGHT = 5;
const SERVICE_WEIGHT = 3;
const QUALIFIER_WEIGHT = 1;

/** True when the runbook has matchers and every one holds for the alert's labels (Prometheus semantics). */
export const matchesAlert = (matchers: AlertMatcher[], labels: Record<string, string>) => matchers.length > 0 && matchesAll(matchers, labels);

export function suggestRunbooks(incident: SuggestionIncident, candidates: SuggestionCandidate[]): Suggestion[] {
  const suggestions: (Suggestion & { title: string })[] = [];
  for (const runbook of candidates) {
    if (runbook.incidentKinds.length > 0 && !runbook.incidentKinds.includes(incident.kind)) continue;
    if (runbook.severityIds.length > 0 && !runbook.severityIds.includes(incident.severityId)) continue;
    const reasons: string[] = [];
    let score = 0;
    if (incident.alerts.some((alert) => matchesAlert(runbook.alertMatchers, alert.labels))) {
      reasons.push(`Matches alert ${matcherText(runbook.alertMatchers)}`);
      score += ALERT_WEIGHT;
    }
    for (const service of incident.services) {
      if (!runbook.serviceIds.includes(service.id)) continue;
      reasons.push(`Linked to ${service.name}`);
      score += SERVICE_WEIGHT;
    }
    const forDrills = incident.kind === "drill" && runbook.incidentKinds.includes("drill");
    if (score === 0 && !forDrills) continue;
    if (forDrills) {
      reasons.push("For drills");
      score += QUALIFIER_WEIGHT;
    }
    if (runbook.severityIds.length > 0) {
      reasons.push(`For ${incident.severityName}`);
      score += QUALIFIER_WEIGHT;
    }
    suggestions.push({ runbookId: runbook.id, title: runbook.title, score, reasons });
  }
  return suggestions.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).map(({ runbookId, score, reasons }) => ({ runbookId, score, reasons }));
}
