import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Actor } from "@/server/context";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";
import { setUserActive } from "./set-active";

let database: Database;
let admin: Actor;
let viewer: Actor;
let leaver: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin", "Ada Admin");
  viewer = await createActor(database.db, "viewer", "Vic Viewer");
  leaver = await createActor(database.db, "responder", "Lee Leaver");
  await setUserActive({ ctx: contextFor(database.db, admin), input: { userId: leaver.id, isActive: false } });
});
afterAll(() => database.close());

describe("people directory for @mentions", () => {
  it("gives any signed-in reader the active people by id and name only, sorted by name", async () => {
    const result = await callProcedure(database.db, viewer, "users.directory", undefined, "query");
    expect(result.status).toBe(200);
    const people = result.data as { id: string; name: string }[];
    expect(people).toEqual(
      expect.arrayContaining([
        { id: admin.id, name: "Ada Admin" },
        { id: viewer.id, name: "Vic Viewer" },
      ]),
    );
    expect(people.map((person) => person.id)).not.toContain(leaver.id);
    expect(people.every((person) => Object.keys(person).sort().join() === "id,name")).toBe(true);
    const names = people.map((person) => person.name);
    expect(names.indexOf("Ada Admin")).toBeLessThan(names.indexOf("Vic Viewer"));
  });

  it("is refused without a session", async () => {
    const result = await callProcedure(database.db, null, "users.directory", undefined, "query");
    expect(result.status).toBe(401);
  });
});
