import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { freshnessLabels, type Freshness, type FreshnessState } from "@/lib/runbooks/freshness";

const variants: Record<FreshnessState, BadgeVariant> = { fresh: "success", review_soon: "warning", stale: "destructive" };

/** Freshness state as a badge; the reasons ride along as its tooltip (and are listed where there is room). */
export function FreshnessBadge({ freshness }: { freshness: Freshness }) {
  return (
    <Badge variant={variants[freshness.state]} title={freshness.reasons.join("\n") || undefined} data-testid="freshness">
      {freshnessLabels[freshness.state]}
    </Badge>
  );
}

export function FreshnessReasons({ freshness, className }: { freshness: Freshness; className?: string }) {
  if (freshness.reasons.length === 0) return null;
  return (
    <ul aria-label="Why" className={className ?? "grid gap-0.5 text-xs text-muted-foreground"} data-testid="freshness-reasons">
      {freshness.reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}
