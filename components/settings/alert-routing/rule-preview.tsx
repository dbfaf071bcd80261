"use client";

// "Try labels": paste an alert's labels and see the rule ingestion would pick, with its tier and group.
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/components/trpc/client";
import { alertTierNames } from "@/lib/alert-routing-labels";
import { errorMessage } from "@/lib/trpc/error-message";

/** `name=value` lines (quotes around the value optional); blank lines are skipped. */
export function parseLabelLines(text: string): { labels: Record<string, string>; problem: string | null } {
  const labels: Record<string, string> = {};
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const equals = line.indexOf("=");
    if (equals <= 0) return { labels, problem: `Line ${index + 1}: write it as name=value` };
    labels[line.slice(0, equals).trim()] = line
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
  }
  return { labels, problem: null };
}

export function RulePreview() {
  const trpc = useTRPC();
  const [text, setText] = useState("service=checkout\nenv=prod\nseverity=warning");
  const [tried, setTried] = useState<Record<string, string> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const preview = useQuery({ ...trpc.alertRules.preview.queryOptions({ labels: tried ?? {} }), enabled: tried !== null });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseLabelLines(text);
    setProblem(parsed.problem);
    if (!parsed.problem) setTried(parsed.labels);
  }

  return (
    <form onSubmit={submit} className="grid gap-2 rounded-md border border-border p-3" aria-label="Try labels">
      <h3 className="font-medium">Try labels</h3>
      <Label htmlFor="alert-rule-preview-labels">An alert&apos;s labels, one name=value a line</Label>
      <Textarea
        id="alert-rule-preview-labels"
        value={text}
        rows={4}
        className="font-mono"
        onChange={(event) => setText(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? "alert-rule-preview-problem" : undefined}
      />
      {problem ? (
        <p id="alert-rule-preview-problem" role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      ) : null}
      <div>
        <Button type="submit" size="sm" variant="outline">
          Try these labels
        </Button>
      </div>
      <div aria-live="polite" className="text-sm">
        {preview.isError ? <p className="text-destructive">{errorMessage(preview.error)}</p> : null}
        {preview.data ? (
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1" aria-label="Preview result">
            <dt className="text-muted-foreground">Rule</dt>
            <dd className="break-words">{preview.data.rule ? preview.data.rule.name : "Otherwise (no rule matched)"}</dd>
            <dt className="text-muted-foreground">Tier</dt>
            <dd>
              {alertTierNames[preview.data.tier]}
              {preview.data.tier !== preview.data.alertTier ? ` (the alert's own label says ${alertTierNames[preview.data.alertTier]})` : ""}
            </dd>
            <dt className="text-muted-foreground">Severity</dt>
            <dd>{preview.data.severityName ?? "From the service's tier"}</dd>
            <dt className="text-muted-foreground">Group key</dt>
            <dd className="font-mono text-xs break-all">{preview.data.groupKey}</dd>
          </dl>
        ) : null}
      </div>
    </form>
  );
}
