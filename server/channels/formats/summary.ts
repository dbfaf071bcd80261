// What every human-readable message says about an outgoing event, written once: a headline, an
// optional detail paragraph, the incident's facts and the link to open. Slack, Teams and email only
// lay this out in their own way, so the three never drift apart in what they tell people.
import { statusLabels } from "@/lib/incident-lifecycle";
import type { IncidentSnapshot, OutgoingEvent } from "@/lib/outgoing-events";

export type Fact = { label: string; value: string };
export type Summary = { headline: string; detail: string | null; facts: Fact[]; link: { label: string; url: string } };

const openInDaytwo = "Open in Daytwo";

/** The incident's facts in a fixed order: severity, status, commander, latest status update. */
export function incidentFacts(incident: IncidentSnapshot): Fact[] {
  const facts: Fact[] = [
    { label: "Severity", value: incident.severity },
    { label: "Status", value: statusLabels[incident.status] },
    { label: "Commander", value: incident.commander?.name ?? "Nobody yet" },
  ];
  if (incident.services.length > 0) facts.push({ label: "Services", value: incident.services.join(", ") });
  return facts;
}

const named = (incident: IncidentSnapshot) => `${incident.reference} ${incident.title}`;
const withLatestUpdate = (incident: IncidentSnapshot) => incident.latestUpdate?.body ?? null;

export function summarize(event: OutgoingEvent): Summary {
  switch (event.type) {
    case "action_item.overdue": {
      const { actionItem, incident } = event.data;
      const facts: Fact[] = [
        { label: "Owner", value: actionItem.owner?.name ?? "Nobody" },
        { label: "Due", value: actionItem.dueAt.slice(0, 10) },
      ];
      if (incident) facts.push({ label: "Incident", value: named(incident) });
      return { headline: `Action item overdue: ${actionItem.title}`, detail: null, facts, link: { label: openInDaytwo, url: actionItem.url } };
    }
    case "post_mortem.published": {
      const { incident, postMortem } = event.data;
      return {
        headline: `Post-mortem published for ${incident.reference}: ${postMortem.title}`,
        detail: null,
        facts: incidentFacts(incident),
        link: { label: "Read the post-mortem", url: postMortem.url },
      };
    }
    default:
      return incidentSummary(event);
  }
}

type IncidentEvent = Exclude<OutgoingEvent, { type: "action_item.overdue" | "post_mortem.published" }>;

function incidentSummary(event: IncidentEvent): Summary {
  const { incident } = event.data;
  const base = { facts: incidentFacts(incident), link: { label: openInDaytwo, url: incident.url } };
  const drill = incident.kind === "drill" ? "Drill " : "";
  switch (event.type) {
    case "incident.declared":
      return { ...base, headline: `${drill}${incident.reference} declared: ${incident.title}`, detail: withLatestUpdate(incident) };
    case "incident.severity_changed":
      return { ...base, headline: `${named(incident)}: severity ${event.data.from ? `changed from ${event.data.from} ` : ""}to ${event.data.to}`, detail: withLatestUpdate(incident) };
    case "incident.status_changed":
      return { ...base, headline: `${named(incident)}: ${statusLabels[event.data.from]} → ${statusLabels[event.data.to]}`, detail: event.data.reason ?? withLatestUpdate(incident) };
    case "incident.status_update_posted":
      return { ...base, headline: `Status update on ${named(incident)}`, detail: event.data.body };
    case "incident.commander_changed":
      return { ...base, headline: `${event.data.to.name} is now commanding ${named(incident)}`, detail: withLatestUpdate(incident) };
    case "incident.resolved":
      return { ...base, headline: `${drill}${incident.reference} resolved: ${incident.title}`, detail: withLatestUpdate(incident) };
    case "alert.critical_received":
      return { ...base, headline: `Critical alert from ${event.data.alert.source}: ${event.data.alert.title}`, detail: `Attached to ${named(incident)}` };
  }
}

/**
 * Clips text to `max` UTF-16 units (the strictest way the receivers count), ending with an ellipsis
 * when anything was cut; never leaves half a surrogate pair or half an `&amp;` entity behind.
 */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value
    .slice(0, max - 1)
    .replace(/[\uD800-\uDBFF]$/, "")
    .replace(/&[a-z]{0,4}$/, "");
  return `${cut}…`;
}
