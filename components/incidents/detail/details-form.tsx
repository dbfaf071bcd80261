"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { IncidentOutput } from "@/server/incidents/outputs";

export type DetailsChanges = { title: string; summary: string; customerImpact: string; links: IncidentOutput["links"]; serviceIds: string[]; isPrivate: boolean };

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

/** The incident's details as a form, filled from the version the person started editing (details-editor.tsx). */
export function DetailsForm({
  editingFrom,
  services,
  isPending,
  onSave,
  onCancel,
}: {
  editingFrom: IncidentOutput;
  services: { id: string; name: string }[];
  isPending: boolean;
  onSave: (changes: DetailsChanges) => void;
  onCancel: () => void;
}) {
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onSave({
      title: String(form.get("title")),
      summary: String(form.get("summary")),
      customerImpact: String(form.get("customerImpact")),
      links: textToLinks(String(form.get("links"))),
      serviceIds: form.getAll("serviceIds").map(String),
      isPrivate: form.get("isPrivate") === "on",
    });
  }

  return (
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
          {services.map((service) => (
            <label key={service.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="serviceIds" value={service.id} defaultChecked={editingFrom.services.some((s) => s.id === service.id)} />
              {service.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-1">
        <Label htmlFor="edit-links">Links (one per line: label then URL)</Label>
        <Textarea id="edit-links" name="links" defaultValue={linksToText(editingFrom.links)} rows={3} placeholder={"Call https://meet.example.com/abc\nDashboard https://grafana.example.com/d/1"} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isPrivate" defaultChecked={editingFrom.isPrivate} /> Private — only participants and admins can see it
      </label>
      <div className="flex gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save details"}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
