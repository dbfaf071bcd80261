"use client";

import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Alert label matchers, one `label=value` per row; parsed on save (see parseMatchers). */
export function MatcherRows({ rows, onChange }: { rows: string[]; onChange: (rows: string[]) => void }) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Alert matchers</legend>
      <p className="text-xs text-muted-foreground">Suggest this runbook when an alert has every one of these labels, e.g. alertname=HighErrorRate.</p>
      {rows.map((row, index) => (
        <div key={index} className="flex gap-2">
          <Input
            aria-label={`Alert matcher ${index + 1}`}
            placeholder="label=value"
            value={row}
            className="font-mono"
            onChange={(e) => onChange(rows.map((r, i) => (i === index ? e.target.value : r)))}
          />
          <Button type="button" variant="ghost" size="icon" aria-label={`Remove alert matcher ${index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            <X aria-hidden />
          </Button>
        </div>
      ))}
      <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => onChange([...rows, ""])}>
        <Plus aria-hidden /> Add matcher
      </Button>
    </fieldset>
  );
}

export type ParsedMatchers = { matchers: { label: string; value: string }[]; error: string | null };

export function parseMatchers(rows: string[]): ParsedMatchers {
  const matchers: { label: string; value: string }[] = [];
  for (const row of rows) {
    const text = row.trim();
    if (!text) continue;
    const at = text.indexOf("=");
    if (at <= 0 || at === text.length - 1) return { matchers, error: `“${text}” is not label=value (for example service=checkout)` };
    matchers.push({ label: text.slice(0, at).trim(), value: text.slice(at + 1).trim() });
  }
  return { matchers, error: null };
}

/** `k=v` pairs separated by commas or new lines, for an alert's labels. */
export function parseLabels(text: string): { labels: Record<string, string>; error: string | null } {
  const labels: Record<string, string> = {};
  for (const part of text.split(/[,\n]/)) {
    const pair = part.trim();
    if (!pair) continue;
    const at = pair.indexOf("=");
    if (at <= 0) return { labels, error: `“${pair}” is not label=value` };
    labels[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return { labels, error: null };
}
