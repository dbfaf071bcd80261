import { describe, expect, it } from "vitest";
import { userRoles, type UserRole } from "@/lib/roles";
import { actions, can, type Action } from "./can";

const person = (role: UserRole, id = `${role}-1`) => ({ id, role });

// What each role may do before anything about the resource is known: the table people are told.
const expected: Record<Action, Record<UserRole, boolean>> = {
  "incident.read": { admin: true, responder: true, viewer: true },
  "incident.write": { admin: true, responder: true, viewer: false },
  "runbook.write": { admin: true, responder: true, viewer: false },
  "action_item.create": { admin: true, responder: true, viewer: false },
  "action_item.edit": { admin: true, responder: true, viewer: false },
  "post_mortem.write": { admin: true, responder: true, viewer: false },
  "post_mortem.edit": { admin: true, responder: true, viewer: false },
  admin: { admin: true, responder: false, viewer: false },
};

describe("can", () => {
  it("lists every action in the table above", () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    for (const role of userRoles) {
      it(`${role} ${expected[action][role] ? "may" : "may not"} ${action}`, () => {
        expect(can(person(role), action)).toBe(expected[action][role]);
      });
    }
  }

  it("shows a private incident only to admins and its participants", () => {
    const secret = { isPrivate: true, isParticipant: false };
    expect(can(person("admin"), "incident.read", secret)).toBe(true);
    expect(can(person("responder"), "incident.read", secret)).toBe(false);
    expect(can(person("viewer"), "incident.read", secret)).toBe(false);
    expect(can(person("viewer"), "incident.read", { isPrivate: true, isParticipant: true })).toBe(true);
    expect(can(person("viewer"), "incident.read", { isPrivate: false, isParticipant: false })).toBe(true);
  });

  it("lets an action item's owner change it whatever their role, and no other viewer", () => {
    const viewer = person("viewer", "v-1");
    expect(can(viewer, "action_item.edit", { ownerId: "v-1" })).toBe(true);
    expect(can(viewer, "action_item.edit", { ownerId: "someone-else" })).toBe(false);
    expect(can(viewer, "action_item.edit", { ownerId: null })).toBe(false);
    expect(can(person("responder"), "action_item.edit", { ownerId: "someone-else" })).toBe(true);
    // Owning an item does not make a viewer a creator.
    expect(can(viewer, "action_item.create")).toBe(false);
  });

  it("freezes a published post-mortem's text for everyone, admins included", () => {
    for (const role of userRoles) expect(can(person(role, "o-1"), "post_mortem.edit", { status: "published", ownerId: "o-1" })).toBe(false);
    expect(can(person("responder"), "post_mortem.edit", { status: "draft", ownerId: "someone-else" })).toBe(true);
    expect(can(person("viewer"), "post_mortem.edit", { status: "draft", ownerId: "someone-else" })).toBe(false);
  });

  it("leaves a post-mortem in review to its author: reviewers and admins read what they approve", () => {
    expect(can(person("responder", "o-1"), "post_mortem.edit", { status: "in_review", ownerId: "o-1" })).toBe(true);
    expect(can(person("responder", "r-1"), "post_mortem.edit", { status: "in_review", ownerId: "o-1" })).toBe(false);
    expect(can(person("admin", "a-1"), "post_mortem.edit", { status: "in_review", ownerId: "o-1" })).toBe(false);
    // A viewer never writes, even one who somehow owns it.
    expect(can(person("viewer", "o-1"), "post_mortem.edit", { status: "in_review", ownerId: "o-1" })).toBe(false);
  });
});
