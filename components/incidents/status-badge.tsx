import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { statusLabels, type IncidentStatus } from "@/lib/incident-lifecycle";

// Open incidents that still need hands stand out; finished ones recede. Red stays reserved for SEV1.
const statusVariants: Record<IncidentStatus, BadgeVariant> = {
  triage: "warning",
  investigating: "warning",
  identified: "default",
  monitoring: "secondary",
  resolved: "success",
  closed: "outline",
  declined: "outline",
  merged: "outline",
  canceled: "outline",
};

export function StatusBadge({ status, className }: { status: IncidentStatus; className?: string }) {
  return (
    <Badge variant={statusVariants[status]} className={className} data-status={status}>
      {statusLabels[status]}
    </Badge>
  );
}
