import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { users, type UserRole } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { createSession } from "@/server/auth/sessions";
import type { Actor, ServiceContext } from "@/server/context";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

/** Inserts a user of the given role, signed in once (`sessionId`), and returns it as an acting identity. */
export async function createActor(db: Db, role: UserRole, name = `${role} ${randomUUID().slice(0, 6)}`): Promise<Actor & { sessionId: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@test.example`;
  const [user] = await db
    .insert(users)
    .values({ email, name, role, passwordHash: await passwordHash })
    .returning();
  if (!user) throw new Error("insert returned no row");
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: await createSession(db, user.id) };
}

export const contextFor = (db: Db, actor: Actor): ServiceContext => ({ db, actor, requestId: `test-${randomUUID()}` });
