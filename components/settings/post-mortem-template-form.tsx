"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

export type TemplateDraft = { name: string; sections: { title: string; guidance: string }[] };
type Row = { key: number; title: string; guidance: string };

type Props = { heading: string; initial: TemplateDraft; isSaving: boolean; error: string | null; onSave: (draft: TemplateDraft) => void; onCancel: () => void };

let nextKey = 1;
const toRows = (sections: TemplateDraft["sections"]): Row[] => sections.map((section) => ({ key: nextKey++, ...section }));

/** Name and sections of a template: each section a heading with the guidance shown under it; reorder, remove, add. */
export function PostMortemTemplateForm({ heading, initial, isSaving, error, onSave, onCancel }: Props) {
  const [name, setName] = useState(initial.name);
  const [rows, setRows] = useState(() => toRows(initial.sections));
  const update = (key: number, change: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSave({ name, sections: rows.map(({ title, guidance }) => ({ title, guidance })) });
  }
  return (
    <form onSubmit={submit} className="grid gap-4 rounded-md border bg-card p-3 sm:p-4" aria-label={heading}>
      <h3 className="font-medium">{heading}</h3>
      <div className="grid max-w-md gap-1">
        <Label htmlFor="template-name">Template name</Label>
        <Input id="template-name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} />
      </div>
      <ol className="grid gap-3" aria-label="Sections">
        {rows.map((row, index) => {
          const number = index + 1;
          return (
            <li key={row.key} className="grid gap-2 rounded-md border p-3">
              <div className="flex flex-wrap items-end gap-2">
                <div className="grid min-w-0 flex-1 gap-1">
                  <Label htmlFor={`section-title-${row.key}`}>Section {number} title</Label>
                  <Input id={`section-title-${row.key}`} value={row.title} onChange={(event) => update(row.key, { title: event.target.value })} required maxLength={80} />
                </div>
                <div className="flex gap-1">
                  <Button type="button" variant="outline" size="icon" aria-label={`Move section ${number} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                    <ArrowUp aria-hidden />
                  </Button>
                  <Button type="button" variant="outline" size="icon" aria-label={`Move section ${number} down`} disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                    <ArrowDown aria-hidden />
                  </Button>
                  <Button
                    type="button"
                    variant="outline"
                    size="icon"
                    aria-label={`Remove section ${number}`}
                    disabled={rows.length === 1}
                    onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                </div>
              </div>
              <div className="grid gap-1">
                <Label htmlFor={`section-guidance-${row.key}`}>Section {number} guidance prompt</Label>
                <Textarea
                  id={`section-guidance-${row.key}`}
                  rows={2}
                  value={row.guidance}
                  onChange={(event) => update(row.key, { guidance: event.target.value })}
                  maxLength={500}
                  placeholder="Shown in the empty section, e.g. “Who noticed what, and when?”"
                />
              </div>
            </li>
          );
        })}
      </ol>
      <Button type="button" variant="outline" size="sm" className="justify-self-start" onClick={() => setRows((current) => [...current, ...toRows([{ title: "", guidance: "" }])])}>
        <Plus aria-hidden /> Add section
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSaving}>
          Save template
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
