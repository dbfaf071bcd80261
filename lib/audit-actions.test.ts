import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditEntityTypes, describeAuditAction, hasAuditLabel } from "./audit-actions";

// Every action code the server writes, read from its source: a new audit action without a label
// fails here instead of showing up as a code in the admin's audit log.
function actionCodesInServer(): Set<string> {
  const codes = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (file.endsWith(".ts") && !file.endsWith(".test.ts")) {
        const source = fs.readFileSync(file, "utf8");
        for (const match of source.matchAll(/"((?:action_item|incident|incident_role|post_mortem|post_mortem_template|runbook|team|user|workspace)\.[a-z_]+)"/g)) codes.add(match[1]!);
        if (source.includes("`post_mortem.${input.decision}`")) ["post_mortem.approved", "post_mortem.changes_requested"].forEach((code) => codes.add(code));
      }
    }
  };
  visit(path.resolve("server"));
  return codes;
}

describe("audit action labels", () => {
  it("has a readable label for every action the server records", () => {
    const codes = actionCodesInServer();
    expect(codes.size).toBeGreaterThan(30);
    expect([...codes].filter((code) => !hasAuditLabel(code))).toEqual([]);
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
