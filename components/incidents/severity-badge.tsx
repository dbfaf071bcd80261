import { Badge, type BadgeVariant } from "@/components/ui/badge";

export type SeverityLike = { name: string; rank: number };

// Keyed on rank, not name, so a renamed scale ("P1", "Critical") keeps its colours.
function variantFor(rank: number): BadgeVariant {
  if (rank <= 1) return "destructive";
  if (rank === 2) return "warning";
  return "outline";
}

export function SeverityBadge({ severity, className }: { severity: SeverityLike; className?: string }) {
  return (
    <Badge variant={variantFor(severity.rank)} className={className}>
      {severity.name}
    </Badge>
  );
}
