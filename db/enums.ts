// The vocabularies columns are constrained to. No drizzle import here, so lib/ can re-export them to
// the browser without pulling the table definitions into the client bundle.
export const userRoles = ["admin", "responder", "viewer"] as const;
export type UserRole = (typeof userRoles)[number];

export const incidentStatuses = ["triage", "investigating", "identified", "monitoring", "resolved", "closed", "declined", "merged", "canceled"] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];
export const incidentKinds = ["incident", "drill"] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export const postMortemStatuses = ["draft", "in_review", "published"] as const;
export type PostMortemStatus = (typeof postMortemStatuses)[number];

export const actionItemStatuses = ["open", "in_progress", "done", "wont_do"] as const;
export type ActionItemStatus = (typeof actionItemStatuses)[number];
export const actionItemKinds = ["mitigate", "prevent", "detect", "process"] as const;
export const actionItemPriorities = ["high", "medium", "low"] as const;

export const alertSourceKinds = ["alertmanager", "grafana", "pagerduty", "generic"] as const;
export type AlertSourceKind = (typeof alertSourceKinds)[number];
export const alertStatuses = ["firing", "resolved"] as const;
export type AlertStatus = (typeof alertStatuses)[number];
export const alertTiers = ["info", "warning", "critical"] as const;
export type AlertTier = (typeof alertTiers)[number];
/** What happens when every alert of an incident that alerts opened has resolved. */
export const alertAutoResolveModes = ["event", "monitoring", "resolve"] as const;
export type AlertAutoResolveMode = (typeof alertAutoResolveModes)[number];
export const alertMatcherOps = ["=", "!=", "=~", "!~"] as const;
export type AlertMatcherOp = (typeof alertMatcherOps)[number];
export const notificationChannelKinds = ["slack", "teams", "webhook", "email"] as const;
export type NotificationChannelKind = (typeof notificationChannelKinds)[number];
/** What a channel is told about; the payload of each is described in lib/outgoing-events.ts. */
export const outgoingEventTypes = [
  "incident.declared",
  "incident.severity_changed",
  "incident.status_changed",
  "incident.status_update_posted",
  "incident.commander_changed",
  "incident.resolved",
  "post_mortem.published",
  "action_item.overdue",
  "alert.critical_received",
] as const;
export type OutgoingEventType = (typeof outgoingEventTypes)[number];
export const drillFilters = ["exclude", "include", "only"] as const;
export type DrillFilter = (typeof drillFilters)[number];
export const deliveryStatuses = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
