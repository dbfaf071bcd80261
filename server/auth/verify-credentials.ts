import type { Db } from "@/db/client";
import type { User } from "@/db/schema";
import { findUserByEmail } from "@/server/users/find-by-email";
import { dummyPasswordHash, verifyPassword } from "./password";
import { clearAccountFailures, recordFailure, secondsUntilRetry, throttleKeys } from "./throttle";

export type CredentialsResult = { outcome: "signed_in"; user: User } | { outcome: "refused" } | { outcome: "throttled"; retryAfterSeconds: number };

// One answer for an unknown email, a wrong password and a deactivated account: a failed sign-in
// must not reveal whether the account exists.
export async function verifyCredentials(db: Db, input: { email: string; password: string; ip: string | null; now?: Date }): Promise<CredentialsResult> {
  const now = input.now ?? new Date();
  const keys = throttleKeys(input.email, input.ip);
  const wait = await secondsUntilRetry(db, keys, now);
  if (wait > 0) return { outcome: "throttled", retryAfterSeconds: wait };

  const user = await findUserByEmail(db, input.email);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !matches || user.deactivatedAt) {
    await recordFailure(db, keys, now);
    return { outcome: "refused" };
  }
  await clearAccountFailures(db, input.email);
  return { outcome: "signed_in", user };
}
