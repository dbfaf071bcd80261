import { describe, expect, it } from "vitest";
import { auditActions, auditEntityTypes, canonicalAuditAction, describeAuditAction, legacyAuditActions, legacyAuditActionsStartingWith } from "./audit-actions";

// What an action reads as when nobody wrote a label for it: the code turned into words.
const asWords = (code: string) => {
  const words = code.replace(/[._]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

describe("audit action labels", () => {
  it("has a written label for every action the server can record (recordAudit accepts only these)", () => {
    expect(auditActions.length).toBeGreaterThan(30);
    expect(auditActions.filter((action) => describeAuditAction(action) === asWords(action))).toEqual([]);
  });

  it("names every action <entity>.<past_tense_verb>", () => {
    const rule = /^[a-z]+(?:_[a-z]+)*\.(?:[a-z]+_)*(?:[a-z]+ed|done|undone|set)$/;
    expect(auditActions.filter((action) => !rule.test(action))).toEqual([]);
  });

  it("reads rows written under an older code with today's label", () => {
    expect(describeAuditAction("incident.runbook_feedback")).toBe("Rated a runbook");
    expect(describeAuditAction("user.created_by_oidc")).toBe("Signed in with SSO for the first time");
    for (const [legacy, current] of Object.entries(legacyAuditActions)) {
      expect(auditActions).toContain(current);
      expect(canonicalAuditAction(legacy)).toBe(current);
      expect(describeAuditAction(legacy)).toBe(describeAuditAction(current));
    }
  });

  it("lets a filter on today's code find rows under the code it replaced", () => {
    expect(legacyAuditActionsStartingWith("incident.runbook_rated")).toEqual(["incident.runbook_feedback"]);
    expect(legacyAuditActionsStartingWith("user.first_admin")).toEqual(["user.created_first_admin"]);
    // "user." already matches every old user code by its prefix.
    expect(legacyAuditActionsStartingWith("user.")).toEqual([]);
  });

  it("reads an unknown code as words rather than showing it raw", () => {
    expect(describeAuditAction("incident.declared")).toBe("Declared an incident");
    expect(describeAuditAction("billing.plan_changed")).toBe("Billing plan changed");
  });

  it("offers each entity type the server records as a filter", () => {
    const values: string[] = auditEntityTypes.map((entry) => entry.value);
    for (const type of ["incident", "post_mortem", "action_item", "runbook", "user", "team", "workspace"]) expect(values).toContain(type);
  });
});
