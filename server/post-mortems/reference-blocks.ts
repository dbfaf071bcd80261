import { actionItemStatusLabels } from "@/lib/action-items";
import { statusLabels } from "@/lib/incident-lifecycle";
import { listActionItems } from "@/server/action-items/list";
import { formatDuration } from "@/lib/incident-metrics";
import { describeEvent } from "@/lib/timeline-text";
import type { ServiceContext } from "@/server/context";
import { getIncident } from "@/server/incidents/get";
import { readEvents } from "@/server/incidents/timeline";

export type ReferenceBlocks = { facts: [string, string][]; timeline: [string, string][]; actionItems: [string, string][] };

/** Current facts and highlighted events of an incident, as label/value pairs for any output format. */
export async function referenceBlocks(ctx: ServiceContext, incidentId: string, postMortemId: string): Promise<ReferenceBlocks> {
  const [incident, events, items] = await Promise.all([
    getIncident({ ctx, input: { incidentId } }),
    readEvents(ctx, incidentId, { highlightedOnly: true }),
    listActionItems({ ctx, input: { scope: "post_mortem", postMortemId, includeClosed: true } }),
  ]);
  const roles = incident.roles.filter((r) => r.holder).map((r) => `${r.name}: ${r.holder?.name}`);
  return {
    facts: [
      ["Severity", `${incident.severity.name} — ${incident.severity.description}`],
      ["Status", statusLabels[incident.status]],
      ["Duration", formatDuration(incident.metrics.ttrSeconds)],
      ["Impact", incident.customerImpact || formatDuration(incident.metrics.impactSeconds)],
      ["Services", incident.services.map((s) => s.name).join(", ") || "none"],
      ["Roles", roles.join("; ") || "none"],
      ["TTA / TTM / TTR", [incident.metrics.ttaSeconds, incident.metrics.ttmSeconds, incident.metrics.ttrSeconds].map(formatDuration).join(" / ")],
    ],
    timeline: events
      .filter((event) => !event.supersededById)
      .map((event) => [`${event.occurredAt.toISOString().slice(0, 16).replace("T", " ")} UTC`, `${describeEvent(event)}${event.body ? `: ${event.body}` : ""}`]),
    actionItems: items.map((item) => [item.title, `${item.owner.name} · due ${item.dueAt.toISOString().slice(0, 10)} · ${actionItemStatusLabels[item.status]}`]),
  };
}
