"use server";

import { signOut } from "@/server/auth/config";
import { currentUser } from "@/server/auth/current-user";
import { signOutEverywhere } from "@/server/auth/sessions";

// Sign-out ends this browser's server-side session (config.ts, events.signOut): a copy of the cookie
// stops working too.
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

/** Ends every session of this person — other browsers, devices and copied cookies — then this one. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await currentUser();
  if (user) await signOutEverywhere(user.id);
  await signOut({ redirectTo: "/sign-in" });
}
