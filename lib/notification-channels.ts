// Names people read for channel kinds, drill filters and delivery statuses (settings page, audit).
import type { DeliveryStatus, DrillFilter, NotificationChannelKind } from "@/db/enums";

export { deliveryStatuses, drillFilters, notificationChannelKinds, type DeliveryStatus, type DrillFilter, type NotificationChannelKind } from "@/db/enums";

export const channelKindLabels: Record<NotificationChannelKind, string> = { slack: "Slack", teams: "Microsoft Teams", webhook: "Webhook (signed)", email: "Email" };

export const channelTargetLabels: Record<NotificationChannelKind, { label: string; placeholder: string }> = {
  slack: { label: "Slack incoming webhook URL", placeholder: "https://hooks.slack.com/services/…" },
  teams: { label: "Teams Workflows webhook URL", placeholder: "https://….logic.azure.com/workflows/…" },
  webhook: { label: "Receiver URL", placeholder: "https://example.com/daytwo-webhooks" },
  email: { label: "Email address", placeholder: "incidents@example.com" },
};

export const drillFilterLabels: Record<DrillFilter, string> = { exclude: "Leave drills out", include: "Send drills too", only: "Send only drills" };

export const deliveryStatusLabels: Record<DeliveryStatus, string> = { pending: "Pending", delivered: "Delivered", failed: "Failed" };
