// One sentence per timeline event, used by the timeline, conflict messages and exports alike.
// A new kind in the catalogue without a sentence here fails the build (the `never` check below).
import type { TypedEventData } from "./events/catalogue";
import { milestoneLabels, statusLabels, type IncidentStatus, type Milestone } from "./incident-lifecycle";
import { formatUtcDateTime } from "./time-format";

export type DescribableEvent = TypedEventData & { body: string | null };

const text = (value: unknown) => (typeof value === "string" ? value : value === null || value === undefined ? "none" : String(value));
const status = (value: unknown) => statusLabels[value as IncidentStatus] ?? text(value);
const list = (value: unknown) => (Array.isArray(value) ? value.map(text).join(", ") : "");
const when = (value: unknown) => (typeof value === "string" ? formatUtcDateTime(new Date(value)) : "not set");

// The helpers still take `unknown`: server-side readers (conflict messages, post-mortem blocks) show
// stored rows without parsing them, and a sentence with "none" beats a crash on an odd old row.
export function describeEvent(event: DescribableEvent): string {
  const { kind, data: d } = event;
  switch (kind) {
    case "incident.declared":
      return `Declared ${text(d.severity)} ${d.kind === "drill" ? "drill" : "incident"}: ${text(d.title)}`;
    case "status.changed": {
      const reason = d.reason ? ` — ${text(d.reason)}` : "";
      const merged = d.mergedInto ? ` into ${text(d.mergedInto)}` : "";
      return `Status ${status(d.from)} → ${status(d.to)}${merged}${reason}`;
    }
    case "severity.changed":
      return `Severity ${text(d.from)} → ${text(d.to)}`;
    case "field.changed":
      return `${text(d.label ?? d.field)} changed`;
    case "services.changed":
      return [d.added && list(d.added) ? `Added ${list(d.added)}` : "", d.removed && list(d.removed) ? `removed ${list(d.removed)}` : ""].filter(Boolean).join("; ") || "Services changed";
    case "milestone.corrected":
      return `${milestoneLabels[d.milestone as Milestone] ?? text(d.milestone)} corrected: ${when(d.from)} → ${when(d.to)}`;
    case "role.assigned":
      return d.previous ? `${text(d.role)} handed over from ${text(d.previous)} to ${text(d.user)}` : `${text(d.user)} is ${text(d.role)}`;
    case "role.released":
      return `${text(d.user)} stepped down as ${text(d.role)}`;
    case "note.added":
      return d.corrects ? "Note corrected" : "Note";
    case "status_update.posted":
      return `Status update (${status(d.status)})`;
    case "participant.added":
      return `${text(d.user)} added to the incident`;
    case "post_mortem.started":
      return "Post-mortem started";
    case "post_mortem.review_requested":
      return `Post-mortem sent for review to ${list(d.reviewers)}`;
    case "post_mortem.reviewed":
      return d.decision === "approved" ? `${text(d.reviewer)} approved the post-mortem` : `${text(d.reviewer)} asked for changes to the post-mortem`;
    case "post_mortem.published":
      return `Post-mortem published (revision ${text(d.revision)})`;
    case "post_mortem.reopened":
      return `Post-mortem reopened as revision ${text(d.revision)}`;
    case "action_item.created":
      return `Action item for ${text(d.owner)}: ${text(d.title)}`;
    case "action_item.status_changed":
      return `Action item "${text(d.title)}" is ${text(d.label ?? d.to)}${d.reason ? ` — ${text(d.reason)}` : ""}`;
    case "action_item.updated": {
      const changes = [d.owner ? `owner ${text(d.owner)}` : null, d.dueAt ? `due ${when(d.dueAt)}` : null, d.status ? `status ${text(d.status)}` : null].filter(Boolean);
      return `Action item "${text(d.title)}" changed: ${changes.join(", ")}${d.reason ? ` — ${text(d.reason)}` : ""}`;
    }
    case "runbook.attached":
      return `Runbook attached: ${text(d.title)} (revision ${text(d.revision)})`;
    case "runbook.step_done":
      return `${text(d.runbook)}: step ${text(d.position)}/${text(d.total)} done — ${text(d.step)}`;
    case "runbook.step_undone":
      return `${text(d.runbook)}: step ${text(d.position)}/${text(d.total)} unticked — ${text(d.step)}`;
    case "runbook.step_noted":
      return d.cleared ? `${text(d.runbook)}: note cleared on "${text(d.step)}"` : `${text(d.runbook)}: note on "${text(d.step)}"`;
    case "runbook.rated":
      return `Runbook ${text(d.runbook)} was ${d.helpful ? "helpful" : "not helpful"}`;
    case "alert.attached": {
      const labels =
        d.labels && typeof d.labels === "object"
          ? Object.entries(d.labels)
              .map(([k, v]) => `${k}=${text(v)}`)
              .join(", ")
          : "";
      return `Alert attached: ${text(d.title)}${labels ? ` (${labels})` : ""}`;
    }
    case "alert.received":
      return `${d.opened ? "Opened by" : "New"} ${text(d.tier)} alert from ${text(d.source)}: ${text(d.title)}`;
    case "alert.resolved":
      return `Alert resolved (${text(d.source)}): ${text(d.title)}`;
    case "alert.all_resolved": {
      const outcome = { event: "", monitoring: " — moved to monitoring", resolve: " — incident resolved" }[d.action] ?? "";
      return `Every alert has resolved${d.applied ? outcome : d.reason ? ` — left as is: ${text(d.reason)}` : ""}`;
    }
    case "visibility.changed":
      return d.isPrivate ? "Made private" : "Made public";
    default: {
      const unhandled: never = kind;
      return String(unhandled);
    }
  }
}
