import { getDatabase } from "@/db/client";
import { DEMO_PASSWORD, demoUsers } from "@/server/workspace/seed/demo-workspace";
import { hasAnyUser } from "@/server/users/create-first-admin";
import { isDemoMode } from "./is-demo";

export type SignInState = {
  needsFirstAdmin: boolean;
  demo: { password: string; accounts: { email: string; role: string }[] } | null;
};

/** What the sign-in page needs to know about the workspace, without exposing the database to app/. */
export async function signInState(): Promise<SignInState> {
  const database = await getDatabase();
  if (!(await hasAnyUser(database.db))) return { needsFirstAdmin: true, demo: null };
  const isDemo = await isDemoMode(database.db, database.engine);
  return {
    needsFirstAdmin: false,
    demo: isDemo ? { password: DEMO_PASSWORD, accounts: demoUsers.map(({ email, role }) => ({ email, role })) } : null,
  };
}
