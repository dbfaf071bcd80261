"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { Spinner } from "@/components/ui/spinner";
import { useTRPC } from "@/components/trpc/client";
import type { IncidentOutput } from "@/server/incidents/outputs";
import { useIncidentMutationCallbacks } from "./use-incident-mutation";

// The edit form arrives when someone first edits (details-form.tsx): most who open an incident only read it.
const DetailsForm = dynamic(() => import("./details-form").then((module) => module.DetailsForm), { ssr: false, loading: () => <Spinner label="Opening the form" /> });

export function DetailsEditor({ incident }: { incident: IncidentOutput }) {
  const trpc = useTRPC();
  const options = useQuery({ ...trpc.incidents.formOptions.queryOptions(), enabled: incident.canWrite });
  const callbacks = useIncidentMutationCallbacks(incident.id);
  const update = useMutation(trpc.incidents.update.mutationOptions(callbacks("Incident updated")));
  // The version the person started editing from: if someone else saves first, theirs is not overwritten.
  const [editingFrom, setEditingFrom] = useState<IncidentOutput | null>(null);

  if (!incident.canWrite) return null;

  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle as="h2" className="text-base">
          Details
        </CardTitle>
        {!editingFrom ? (
          <Button size="sm" variant="outline" onClick={() => setEditingFrom(incident)}>
            Edit details
          </Button>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-3">
        <div className="grid gap-1">
          <Label htmlFor="incident-severity">Severity</Label>
          <NativeSelect
            id="incident-severity"
            value={String(incident.severity.id)}
            disabled={update.isPending}
            onChange={(e) => update.mutate({ incidentId: incident.id, expectedVersion: incident.version, severityId: Number(e.target.value) })}
          >
            {options.data?.severities.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {s.description}
              </option>
            )) ?? <option value={incident.severity.id}>{incident.severity.name}</option>}
          </NativeSelect>
        </div>
        {editingFrom ? (
          <DetailsForm
            editingFrom={editingFrom}
            services={options.data?.services ?? []}
            isPending={update.isPending}
            onSave={(changes) => update.mutate({ incidentId: incident.id, expectedVersion: editingFrom.version, ...changes }, { onSuccess: () => setEditingFrom(null) })}
            onCancel={() => setEditingFrom(null)}
          />
        ) : (
          <div className="grid gap-2 text-sm">
            {incident.summary ? <p className="whitespace-pre-wrap">{incident.summary}</p> : <p className="text-muted-foreground">No summary yet.</p>}
            {incident.customerImpact ? (
              <p>
                <span className="font-medium">Customer impact:</span> {incident.customerImpact}
              </p>
            ) : null}
            {incident.links.length ? (
              <ul className="flex flex-wrap gap-3">
                {incident.links.map((link) => (
                  <li key={link.url}>
                    <a className="underline" href={link.url} target="_blank" rel="noreferrer noopener">
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
