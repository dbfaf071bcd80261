import { sql } from "drizzle-orm";
import type { z } from "zod";
import { randomUUID } from "node:crypto";
import { getDb, type Db } from "@/db/client";
import { isPerson, users } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { hashPassword } from "@/server/auth/password";
import { conflict } from "@/server/errors";
import type { createFirstAdminInput } from "./schemas";
import { toUserOutput } from "./to-output";

// On an empty workspace the first account created becomes its admin; afterwards this refuses.
export async function createFirstAdmin({ db, input, requestId }: { db: Db; input: z.infer<typeof createFirstAdminInput>; requestId: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await lockFirstAccount(tx);
    if (await hasAnyUser(tx)) throw conflict("This workspace already has an admin. Sign in instead.");
    const [user] = await tx
      .insert(users)
      .values({ ...input, role: "admin", passwordHash })
      .returning();
    if (!user) throw new Error("insert returned no row");
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.first_admin_created",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, role: user.role },
      requestId,
    });
    return toUserOutput(user);
  });
}

/** Serializes "is this the first account?" between the set-up page and OIDC sign-ins. */
export async function lockFirstAccount(tx: Pick<Db, "execute">): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7219005)`);
}

export async function hasAnyUser(db: Pick<Db, "select">): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(isPerson).limit(1);
  return rows.length > 0;
}

/** For the set-up page: the process's database and a fresh request id. */
export async function createFirstAdminWithDefaults(input: z.infer<typeof createFirstAdminInput>) {
  return createFirstAdmin({ db: await getDb(), input, requestId: randomUUID() });
}
