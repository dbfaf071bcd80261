"use client";

import { useQuery } from "@tanstack/react-query";
import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { statusLabels } from "@/lib/incident-lifecycle";
import { formatDuration } from "@/lib/incident-metrics";
import { useTRPC } from "@/components/trpc/client";
import { useIncidentStream } from "@/components/incidents/live/incident-stream";

/** The incident's facts, read live from the incident (never a pasted copy). */
export function FactsView({ node }: ReactNodeViewProps) {
  const incidentId = String(node.attrs.incidentId ?? "");
  const trpc = useTRPC();
  const incident = useQuery({ ...trpc.incidents.get.queryOptions({ incidentId }), enabled: Boolean(incidentId) });
  useIncidentStream(incidentId, incident.data?.lastEventSeq);
  const data = incident.data;
  const roles = data?.roles.filter((role) => role.holder).map((role) => `${role.name}: ${role.holder?.name}`) ?? [];
  const rows: [string, string][] = data
    ? [
        ["Severity", `${data.severity.name} — ${data.severity.description}`],
        ["Status", statusLabels[data.status]],
        ["Duration", formatDuration(data.metrics.ttrSeconds)],
        ["Impact", data.customerImpact || formatDuration(data.metrics.impactSeconds)],
        ["Services", data.services.map((s) => s.name).join(", ") || "none"],
        ["Roles", roles.join("; ") || "none"],
        ["TTA / TTM / TTR", [data.metrics.ttaSeconds, data.metrics.ttmSeconds, data.metrics.ttrSeconds].map(formatDuration).join(" / ")],
      ]
    : [];
  return (
    <NodeViewWrapper className="my-4 rounded-md border bg-muted/40 p-3 text-sm" data-testid="facts-block" contentEditable={false}>
      <p className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">Incident facts {data ? `· ${data.reference}` : ""} · live</p>
      {incident.isError ? <p role="alert">These facts could not load. Reload the page.</p> : null}
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </NodeViewWrapper>
  );
}
