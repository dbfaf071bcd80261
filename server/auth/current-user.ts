import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { can, type Action } from "./can";
import { auth } from "./config";
import type { SessionUser } from "./session-user";

// cache(): the layouts and the page of one request share a single session read (and DB lookup).
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  return session?.account ?? null;
});

/** For server components of signed-in pages: sends strangers to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For pages only some roles may open: to everyone else they are the same 404 as a page that does not exist. */
export async function requireAllowed(action: Action): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action)) notFound();
  return user;
}
