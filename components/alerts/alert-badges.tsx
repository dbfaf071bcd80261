import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { alertTierLabels, type AlertStatus, type AlertTier } from "@/lib/alerts";

const tierVariants: Record<AlertTier, BadgeVariant> = { critical: "destructive", warning: "warning", info: "outline" };

export function TierBadge({ tier, className }: { tier: AlertTier; className?: string }) {
  return (
    <Badge variant={tierVariants[tier]} className={className} data-tier={tier}>
      {alertTierLabels[tier]}
    </Badge>
  );
}

// Firing needs eyes; resolved recedes. The word carries the meaning, not only the colour.
export function AlertStatusBadge({ status, className }: { status: AlertStatus; className?: string }) {
  return status === "firing" ? (
    <Badge variant="destructive" className={className} data-status={status}>
      <span aria-hidden className="size-1.5 rounded-full bg-current motion-safe:animate-pulse" />
      Firing
    </Badge>
  ) : (
    <Badge variant="success" className={className} data-status={status}>
      Resolved
    </Badge>
  );
}
