// Who may do what: the one place a role (and, for a few actions, the thing acted on) becomes a yes
// or no. Procedure builders, service verbs, layouts and pages all ask here, so a rule changes once.
import type { UserRole } from "@/lib/roles";

export const actions = [
  /** See an incident; with a resource, a private one only for admins and its participants. */
  "incident.read",
  /** Declare, change, annotate and highlight incidents. */
  "incident.write",
  /** Write, import, restore, review and run runbooks (attach to incidents, tick steps). */
  "runbook.write",
  /** Create action items and change anyone's. */
  "action_item.create",
  /** Change one action item: writers, and its owner whatever their role. */
  "action_item.edit",
  /** Start a post-mortem, ask for and give reviews, publish and reopen. */
  "post_mortem.write",
  /** Edit one post-mortem's text: writers while it is a draft; only its owner (author) while in review; nobody once published. */
  "post_mortem.edit",
  /** Run the workspace: users, teams, incident roles, templates, due dates, the audit log. */
  "admin",
] as const;
export type Action = (typeof actions)[number];

/** Who may act, before anything about the resource is known. */
const roleGrants = {
  "incident.read": ["admin", "responder", "viewer"],
  "incident.write": ["admin", "responder"],
  "runbook.write": ["admin", "responder"],
  "action_item.create": ["admin", "responder"],
  "action_item.edit": ["admin", "responder"],
  "post_mortem.write": ["admin", "responder"],
  "post_mortem.edit": ["admin", "responder"],
  admin: ["admin"],
} as const satisfies Record<Action, readonly UserRole[]>;

/** What an action needs to know about the thing acted on; actions not listed take none. */
export type ResourceFor = {
  "incident.read": { isPrivate: boolean; isParticipant: boolean };
  "action_item.edit": { ownerId: string | null };
  "post_mortem.edit": { status: string; ownerId: string };
};
type ResourceArg<A extends Action> = A extends keyof ResourceFor ? [resource?: ResourceFor[A]] : [];

export type Subject = { id: string; role: UserRole };

/**
 * Without a resource the answer is about the role alone ("may this person ever edit action
 * items?"); with one it is about that resource ("may they edit this one?").
 */
export function can<A extends Action>(actor: Subject, action: A, ...[resource]: ResourceArg<A>): boolean {
  const byRole = (roleGrants[action] as readonly UserRole[]).includes(actor.role);
  if (resource === undefined) return byRole;
  switch (action) {
    case "incident.read": {
      const incident = resource as ResourceFor["incident.read"];
      return !incident.isPrivate || incident.isParticipant || actor.role === "admin";
    }
    case "action_item.edit":
      return byRole || (resource as ResourceFor["action_item.edit"]).ownerId === actor.id;
    case "post_mortem.edit": {
      // In review the reviewers read what they were asked to approve: only the author changes it then.
      const postMortem = resource as ResourceFor["post_mortem.edit"];
      return byRole && postMortem.status !== "published" && (postMortem.status !== "in_review" || postMortem.ownerId === actor.id);
    }
    default:
      return byRole;
  }
}
