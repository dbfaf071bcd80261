// How the audit log names what happened. Actions are stored as stable codes ("incident.declared") so
// filters and exports never change; people read these labels instead.

const labels: Record<string, string> = {
  "action_item.created": "Created an action item",
  "action_item.updated": "Edited an action item",
  "action_item.status_changed": "Changed an action item's status",
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
  "incident.runbook_attached": "Attached a runbook",
  "incident.runbook_step_done": "Ticked a runbook step",
  "incident.runbook_step_undone": "Unticked a runbook step",
  "incident.runbook_step_note": "Noted on a runbook step",
  "incident.runbook_feedback": "Rated a runbook",
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
  "user.created_first_admin": "Created the first admin",
  "user.created_by_oidc": "Signed in with SSO for the first time",
  "user.role_changed": "Changed a user's role",
  "user.deactivated": "Deactivated a user",
  "user.reactivated": "Reactivated a user",
  "workspace.due_days_changed": "Changed default action-item due dates",
};

/** The sentence the audit log shows for an action code; an unknown code still reads as words. */
export function describeAuditAction(action: string): string {
  const label = labels[action];
  if (label) return label;
  const words = action.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const hasAuditLabel = (action: string) => action in labels;

/** What the audit log can be filtered by, with the names people use. */
export const auditEntityTypes = [
  { value: "incident", label: "Incident" },
  { value: "post_mortem", label: "Post-mortem" },
  { value: "action_item", label: "Action item" },
  { value: "runbook", label: "Runbook" },
  { value: "user", label: "User" },
  { value: "team", label: "Team" },
  { value: "incident_role", label: "Incident role" },
  { value: "post_mortem_template", label: "Post-mortem template" },
  { value: "workspace", label: "Workspace settings" },
] as const;

export const describeEntityType = (type: string) => auditEntityTypes.find((entry) => entry.value === type)?.label ?? type;
