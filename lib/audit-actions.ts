// The audit actions the server records, as stable codes ("incident.declared") so filters and exports
// never change; people read these labels instead. Codes follow the naming rule at the top of
// lib/events/catalogue.ts: <entity>.<past_tense_verb>, where the entity is the record an admin looks
// the change up by (an incident's runbook step is `incident.runbook_step_done`).

export const auditActions = [
  "api_token.created",
  "api_token.revoked",
  "action_item.created",
  "action_item.updated",
  "action_item.status_changed",
  "alert_rule.created",
  "alert_rule.updated",
  "alert_rule.deleted",
  "alert_rule.moved",
  "alert_source.created",
  "alert_source.updated",
  "alert_source.token_rotated",
  "alert_source.deleted",
  "incident.declared",
  "incident.updated",
  "incident.status_changed",
  "incident.milestone_corrected",
  "incident.status_update_posted",
  "incident.note_added",
  "incident.note_corrected",
  "incident.event_highlighted",
  "incident.event_unhighlighted",
  "incident.participant_added",
  "incident.role_assigned",
  "incident.role_released",
  "incident.alert_attached",
  "incident.alert_received",
  "incident.alert_resolved",
  "incident.runbook_attached",
  "incident.runbook_step_done",
  "incident.runbook_step_undone",
  "incident.runbook_step_noted",
  "incident.runbook_rated",
  "incident_role.created",
  "post_mortem.started",
  "post_mortem.review_requested",
  "post_mortem.approved",
  "post_mortem.changes_requested",
  "post_mortem.flag_dismissed",
  "post_mortem.published",
  "post_mortem.reopened",
  "post_mortem_template.created",
  "post_mortem_template.updated",
  "post_mortem_template.deleted",
  "post_mortem_template.default_set",
  "runbook.created",
  "runbook.updated",
  "runbook.restored",
  "runbook.reviewed",
  "team.created",
  "team.member_added",
  "team.member_removed",
  "user.created",
  "user.first_admin_created",
  "user.provisioned",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
  "workspace.due_days_changed",
  "workspace.outbound_allow_hosts_changed",
  "notification_channel.created",
  "notification_channel.updated",
  "notification_channel.secret_rotated",
  "notification_channel.enabled",
  "notification_channel.disabled",
  "notification_channel.deleted",
  "notification_channel.tested",
  "notification_channel.redelivered",
] as const;
export type AuditAction = (typeof auditActions)[number];

const labels: Record<AuditAction, string> = {
  "api_token.created": "Created an API token",
  "api_token.revoked": "Revoked an API token",
  "action_item.created": "Created an action item",
  "action_item.updated": "Edited an action item",
  "action_item.status_changed": "Changed an action item's status",
  "alert_rule.created": "Added an alert routing rule",
  "alert_rule.updated": "Changed an alert routing rule",
  "alert_rule.deleted": "Deleted an alert routing rule",
  "alert_rule.moved": "Moved an alert routing rule",
  "alert_source.created": "Added an alert source",
  "alert_source.updated": "Changed an alert source",
  "alert_source.token_rotated": "Rotated an alert source's token",
  "alert_source.deleted": "Deleted an alert source",
  "incident.declared": "Declared an incident",
  "incident.updated": "Edited an incident",
  "incident.status_changed": "Changed an incident's status",
  "incident.milestone_corrected": "Corrected a milestone",
  "incident.status_update_posted": "Posted a status update",
  "incident.note_added": "Added a timeline note",
  "incident.note_corrected": "Corrected a timeline note",
  "incident.event_highlighted": "Highlighted a timeline event",
  "incident.event_unhighlighted": "Removed a timeline highlight",
  "incident.participant_added": "Added someone to a private incident",
  "incident.role_assigned": "Assigned an incident role",
  "incident.role_released": "Released an incident role",
  "incident.alert_attached": "Attached an alert",
  "incident.alert_received": "An alert joined the incident",
  "incident.alert_resolved": "An alert of the incident resolved",
  "incident.runbook_attached": "Attached a runbook",
  "incident.runbook_step_done": "Ticked a runbook step",
  "incident.runbook_step_undone": "Unticked a runbook step",
  "incident.runbook_step_noted": "Noted on a runbook step",
  "incident.runbook_rated": "Rated a runbook",
  "incident_role.created": "Defined an incident role",
  "post_mortem.started": "Started a post-mortem",
  "post_mortem.review_requested": "Sent a post-mortem for review",
  "post_mortem.approved": "Approved a post-mortem",
  "post_mortem.changes_requested": "Asked for changes to a post-mortem",
  "post_mortem.flag_dismissed": "Dismissed a blameless-language flag",
  "post_mortem.published": "Published a post-mortem",
  "post_mortem.reopened": "Reopened a post-mortem",
  "post_mortem_template.created": "Created a post-mortem template",
  "post_mortem_template.updated": "Edited a post-mortem template",
  "post_mortem_template.deleted": "Deleted a post-mortem template",
  "post_mortem_template.default_set": "Changed the default post-mortem template",
  "runbook.created": "Created a runbook",
  "runbook.updated": "Edited a runbook",
  "runbook.restored": "Restored a runbook revision",
  "runbook.reviewed": "Marked a runbook reviewed",
  "team.created": "Created a team",
  "team.member_added": "Added a team member",
  "team.member_removed": "Removed a team member",
  "user.created": "Created a user",
  "user.first_admin_created": "Created the first admin",
  "user.provisioned": "Signed in with SSO for the first time",
  "user.role_changed": "Changed a user's role",
  "user.deactivated": "Deactivated a user",
  "user.reactivated": "Reactivated a user",
  "workspace.due_days_changed": "Changed default action-item due dates",
  "workspace.outbound_allow_hosts_changed": "Changed the hosts outbound requests may reach",
  "notification_channel.created": "Added a notification channel",
  "notification_channel.updated": "Changed a notification channel",
  "notification_channel.secret_rotated": "Rotated a notification channel's signing secret",
  "notification_channel.enabled": "Enabled a notification channel",
  "notification_channel.disabled": "Disabled a notification channel",
  "notification_channel.deleted": "Deleted a notification channel",
  "notification_channel.tested": "Sent a test to a notification channel",
  "notification_channel.redelivered": "Redelivered a notification",
};

/** Codes older rows were written under → today's code. Never remove an entry: the audit log is append-only. */
export const legacyAuditActions: Readonly<Record<string, AuditAction>> = {
  "incident.runbook_step_note": "incident.runbook_step_noted",
  "incident.runbook_feedback": "incident.runbook_rated",
  "user.created_first_admin": "user.first_admin_created",
  "user.created_by_oidc": "user.provisioned",
};

const actionSet: ReadonlySet<string> = new Set(auditActions);
export const isAuditAction = (action: string): action is AuditAction => actionSet.has(action);

/** Today's code for a stored one, or undefined when the code is not one this release records. */
export const canonicalAuditAction = (stored: string): AuditAction | undefined => (isAuditAction(stored) ? stored : legacyAuditActions[stored]);

/** The sentence the audit log shows for an action code; an unknown code still reads as words. */
export function describeAuditAction(action: string): string {
  const known = canonicalAuditAction(action);
  if (known) return labels[known];
  const words = action.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Older codes that today's codes starting with `prefix` replaced, so a filter finds rows of any age. */
export const legacyAuditActionsStartingWith = (prefix: string): string[] =>
  Object.keys(legacyAuditActions).filter((legacy) => legacyAuditActions[legacy]!.startsWith(prefix) && !legacy.startsWith(prefix));

/** What the audit log can be filtered by, with the names people use. */
export const auditEntityTypes = [
  { value: "incident", label: "Incident" },
  { value: "post_mortem", label: "Post-mortem" },
  { value: "action_item", label: "Action item" },
  { value: "alert_source", label: "Alert source" },
  { value: "api_token", label: "API token" },
  { value: "alert_rule", label: "Alert routing rule" },
  { value: "notification_channel", label: "Notification channel" },
  { value: "runbook", label: "Runbook" },
  { value: "user", label: "User" },
  { value: "team", label: "Team" },
  { value: "incident_role", label: "Incident role" },
  { value: "post_mortem_template", label: "Post-mortem template" },
  { value: "workspace", label: "Workspace settings" },
] as const;

export const describeEntityType = (type: string) => auditEntityTypes.find((entry) => entry.value === type)?.label ?? type;
