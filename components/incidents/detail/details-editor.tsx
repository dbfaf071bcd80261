"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/components/trpc/client";
import type { IncidentOutput } from "@/server/incidents/outputs";
import { useIncidentMutationCallbacks } from "./use-incident-mutation";

const linksToText = (links: IncidentOutput["links"]) => links.map((l) => `${l.label} ${l.url}`).join("\n");
function textToLinks(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const url = line.split(/\s+/).at(-1) ?? "";
      return { label: line.slice(0, line.length - url.length).trim() || url, url };
    });
}

export function DetailsEditor({ incident }: { incident: IncidentOutput }) {
  const trpc = useTRPC();
  const options = useQuery({ ...trpc.incidents.formOptions.queryOptions(), enabled: incident.canWrite });
  const callbacks = useIncidentMutationCallbacks(incident.id);
  const update = useMutation(trpc.incidents.update.mutationOptions(callbacks("Incident updated")));
  // The version the person started editing from: if someone else saves first, theirs is not overwritten.
  const [editingFrom, setEditingFrom] = useState<IncidentOutput | null>(null);

  if (!incident.canWrite) return null;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!editingFrom) return;
    const form = new FormData(event.currentTarget);
    update.mutate(
      {
        incidentId: incident.id,
        expectedVersion: editingFrom.version,
        title: String(form.get("title")),
        summary: String(form.get("summary")),
        customerImpact: String(form.get("customerImpact")),
        links: textToLinks(String(form.get("links"))),
        serviceIds: form.getAll("serviceIds").map(String),
        isPrivate: form.get("isPrivate") === "on",
      },
      { onSuccess: () => setEditingFrom(null) },
    );
  }

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
          <form onSubmit={save} className="grid gap-3" aria-label="Edit incident details">
            <div className="grid gap-1">
              <Label htmlFor="edit-title">Title</Label>
              <Input id="edit-title" name="title" defaultValue={editingFrom.title} required />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="edit-summary">Summary</Label>
              <Textarea id="edit-summary" name="summary" defaultValue={editingFrom.summary} rows={3} />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="edit-impact">Customer impact</Label>
              <Textarea id="edit-impact" name="customerImpact" defaultValue={editingFrom.customerImpact} rows={2} />
            </div>
            <fieldset className="grid gap-1">
              <legend className="text-sm font-medium">Affected services</legend>
              <div className="grid grid-cols-2 gap-1">
                {options.data?.services.map((service) => (
                  <label key={service.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="serviceIds" value={service.id} defaultChecked={editingFrom.services.some((s) => s.id === service.id)} />
                    {service.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="grid gap-1">
              <Label htmlFor="edit-links">Links (one per line: label then URL)</Label>
              <Textarea
                id="edit-links"
                name="links"
                defaultValue={linksToText(editingFrom.links)}
                rows={3}
                placeholder={"Call https://meet.example.com/abc\nDashboard https://grafana.example.com/d/1"}
              />
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="isPrivate" defaultChecked={editingFrom.isPrivate} /> Private — only participants and admins can see it
            </label>
            <div className="flex gap-2">
              <Button type="submit" disabled={update.isPending}>
                {update.isPending ? "Saving…" : "Save details"}
              </Button>
              <Button type="button" variant="ghost" onClick={() => setEditingFrom(null)}>
                Cancel
              </Button>
            </div>
          </form>
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
