"use client";

// The rules in the order alerts try them, each with what it matches and decides, then the built-in
// "Otherwise" row that takes every alert no rule matched.
import type { inferRouterOutputs } from "@trpc/server";
import { ArrowDown, ArrowUp } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/settings/alert-sources/confirm-button";
import { matcherText } from "@/lib/alert-matchers";
import { alertTierNames, SEVERITY_FROM_SERVICE, TIER_FROM_ALERT } from "@/lib/alert-routing-labels";
import type { AppRouter } from "@/server/trpc/root";

export type AlertRule = inferRouterOutputs<AppRouter>["alertRules"]["list"][number];

type Props = {
  rules: AlertRule[];
  isBusy: boolean;
  onMove: (rule: AlertRule, direction: "up" | "down") => void;
  onEdit: (rule: AlertRule) => void;
  onDelete: (rule: AlertRule) => Promise<unknown>;
  /** The edit form, shown inside the rule's own row so it opens where it was asked for. */
  editor: (rule: AlertRule) => ReactNode;
};

function Facts({ items }: { items: [string, string][] }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
      {items.map(([term, detail]) => (
        <div key={term} className="contents">
          <dt className="text-muted-foreground">{term}</dt>
          <dd className="break-words">{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RuleList({ rules, isBusy, onMove, onEdit, onDelete, editor }: Props) {
  return (
    <ol className="grid grid-cols-1 gap-3" aria-label="Routing rules, in order">
      {rules.map((rule, index) => (
        <li key={rule.id} className="grid gap-2 rounded-md border border-border p-3">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm text-muted-foreground" aria-hidden="true">
              {rule.position}.
            </span>
            <h3 className="font-medium break-words">
              <span className="sr-only">Rule {rule.position}: </span>
              {rule.name}
            </h3>
            {rule.isEnabled ? <Badge variant="outline">Enabled</Badge> : <Badge variant="secondary">Disabled</Badge>}
          </div>
          <Facts
            items={[
              ["Matches", rule.matchers.length ? matcherText(rule.matchers) : "Every alert"],
              ["Tier", rule.tier ? alertTierNames[rule.tier] : TIER_FROM_ALERT],
              ["Severity", rule.severityName ?? SEVERITY_FROM_SERVICE],
              ["Group by", rule.groupBy.length ? rule.groupBy.join(", ") : "The sender's group, else service and alert name"],
              ["Window", `${rule.windowMinutes} min`],
              ["Acknowledged", rule.joinAcknowledgedWithinHours ? `Takes new alerts for ${rule.joinAcknowledgedWithinHours} h` : "Takes new alerts while open"],
            ]}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="button" size="sm" variant="outline" aria-label={`Move ${rule.name} up`} disabled={isBusy || index === 0} onClick={() => onMove(rule, "up")}>
              <ArrowUp aria-hidden="true" /> Up
            </Button>
            <Button type="button" size="sm" variant="outline" aria-label={`Move ${rule.name} down`} disabled={isBusy || index === rules.length - 1} onClick={() => onMove(rule, "down")}>
              <ArrowDown aria-hidden="true" /> Down
            </Button>
            <Button type="button" size="sm" variant="outline" aria-label={`Edit ${rule.name}`} disabled={isBusy} onClick={() => onEdit(rule)}>
              Edit
            </Button>
            <ConfirmButton
              label="Delete"
              accessibleLabel={`Delete ${rule.name}`}
              title={`Delete the rule ${rule.name}?`}
              description="Alerts it would have matched fall to the next rule, or to the default. Incidents it already opened stay."
              confirm="Delete rule"
              isDestructive
              isPending={isBusy}
              onConfirm={() => onDelete(rule)}
            />
          </div>
          {editor(rule)}
        </li>
      ))}
      <li className="grid gap-2 rounded-md border border-dashed border-border bg-muted/40 p-3">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-medium">Otherwise</h3>
          <Badge variant="outline">Built in, always last</Badge>
        </div>
        <p className="text-sm text-muted-foreground">
          Every alert no enabled rule above matches keeps the tier its own severity label gives (critical or page → Critical, warning or error → Warning, anything else → Info). Its severity comes from
          the affected service&apos;s tier, it groups by the sender&apos;s own group (else service and alert name) within 30 minutes, and an acknowledged incident keeps taking its alerts while open.
        </p>
      </li>
    </ol>
  );
}
