// Calls the real tRPC HTTP handler, so error codes and messages are what a browser receives.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Actor } from "@/server/context";
import { createActor } from "@/test/actors";
import { createTestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";

let database: Database;
let actors: Record<"admin" | "responder" | "viewer", Actor>;
beforeAll(async () => {
  database = await createTestDatabase();
  actors = {
    admin: await createActor(database.db, "admin"),
    responder: await createActor(database.db, "responder"),
    viewer: await createActor(database.db, "viewer"),
  };
});
afterAll(() => database.close());

type Caller = Actor | null;
const call = (as: Caller, path: string, input: unknown, kind: "query" | "mutation") => callProcedure(database.db, as, path, input, kind);

// Every procedure, with an input that is valid in shape, and the roles that may call it.
const procedures = () => [
  { path: "users.list", kind: "query" as const, input: undefined, allowed: ["admin"] },
  { path: "users.create", kind: "mutation" as const, input: { email: `p${Math.random()}@test.example`, name: "P", role: "viewer", password: "long enough pw" }, allowed: ["admin"] },
  { path: "users.changeRole", kind: "mutation" as const, input: { userId: actors.viewer.id, role: "viewer" }, allowed: ["admin"] },
  { path: "users.setActive", kind: "mutation" as const, input: { userId: actors.viewer.id, isActive: true }, allowed: ["admin"] },
  { path: "teams.list", kind: "query" as const, input: undefined, allowed: ["admin", "responder", "viewer"] },
  { path: "teams.create", kind: "mutation" as const, input: { name: `Team ${Math.random()}` }, allowed: ["admin"] },
  { path: "services.list", kind: "query" as const, input: undefined, allowed: ["admin", "responder", "viewer"] },
  { path: "audit.list", kind: "query" as const, input: {}, allowed: ["admin"] },
  { path: "notifications.list", kind: "query" as const, input: {}, allowed: ["admin", "responder", "viewer"] },
  { path: "notifications.unreadCount", kind: "query" as const, input: {}, allowed: ["admin", "responder", "viewer"] },
  { path: "notifications.markAllRead", kind: "mutation" as const, input: {}, allowed: ["admin", "responder", "viewer"] },
];

describe("procedure permissions", () => {
  it("answers every procedure by role: allowed roles succeed, others are refused, strangers must sign in", async () => {
    for (const procedure of procedures()) {
      const anonymous = await call(null, procedure.path, procedure.input, procedure.kind);
      expect(anonymous.status, `${procedure.path} as anonymous`).toBe(401);
      for (const role of ["admin", "responder", "viewer"] as const) {
        const result = await call(actors[role], procedure.path, procedure.input, procedure.kind);
        const expected = procedure.allowed.includes(role) ? 200 : 403;
        expect(result.status, `${procedure.path} as ${role}: ${result.error?.message}`).toBe(expected);
      }
    }
  });
});

describe("errors a person can act on", () => {
  it("names the invalid field", async () => {
    const result = await call(actors.admin, "users.create", { email: "not-an-email", name: "X", role: "viewer", password: "long enough pw" }, "mutation");
    expect(result.status).toBe(400);
    expect(result.error?.message).toBe("email: Enter a valid email address");
    expect(result.error?.data.fieldErrors).toHaveProperty("email");
  });

  it("maps a domain conflict to 409 with its message", async () => {
    const result = await call(actors.admin, "users.create", { email: actors.viewer.email, name: "Twin", role: "viewer", password: "long enough pw" }, "mutation");
    expect(result.status).toBe(409);
    expect(result.error?.message).toContain("already exists");
    // The form shows it under the email field, not only at the bottom of the dialog.
    expect(result.error?.data.fieldErrors).toEqual({ email: [result.error?.message] });
  });

  it("names the field a domain error is about, as the form calls it", async () => {
    const result = await call(actors.admin, "incidents.declare", { title: "Checkout down", commanderId: actors.viewer.id }, "mutation");
    expect(result.status).toBe(400);
    expect(result.error?.message).toMatch(/is a viewer and cannot hold an incident role/);
    expect(result.error?.data.fieldErrors).toEqual({ commanderId: [result.error?.message] });
  });

  it("names no field when the refusal is about no field", async () => {
    const result = await call(actors.admin, "users.changeRole", { userId: actors.admin.id, role: "viewer" }, "mutation");
    expect(result.status).toBe(409);
    expect(result.error?.data.fieldErrors).toBeNull();
  });

  it("answers not found for a missing user", async () => {
    const result = await call(actors.admin, "users.changeRole", { userId: "00000000-0000-4000-8000-000000000000", role: "viewer" }, "mutation");
    expect(result.status).toBe(404);
  });

  it("hides an unexpected failure behind a generic message with the request id", async () => {
    await database.db.execute(sql.raw("drop table team_members cascade"));
    const result = await call(actors.admin, "teams.list", undefined, "query");
    expect(result.status).toBe(500);
    expect(result.error?.message).toMatch(/Something went wrong on our side.*req-test/);
    expect(result.error?.message).not.toMatch(/team_members|relation|select/);
  });
});
