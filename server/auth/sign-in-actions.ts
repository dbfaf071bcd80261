"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/server/auth/config";
import { safeRedirectPath } from "@/lib/safe-redirect";

export type SignInState = { error: string | null; email: string };

function describeRefusal(code: string | undefined): string {
  const throttled = code?.match(/^throttled:(\d+)$/);
  if (throttled) return `Too many failed attempts. Wait ${throttled[1]} seconds, then try again.`;
  return "That email and password do not match an active account. Check both and try again.";
}

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "Enter your email and your password.", email };
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { email, password, redirectTo: safeRedirectPath(form.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      return { error: describeRefusal((error as AuthError & { code?: string }).code), email };
    }
    if (error instanceof AuthError) return { error: "Sign-in is unavailable right now. Try again in a minute.", email };
    throw error;
  }
  return { error: null, email };
}

export async function signInWithOidc(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeRedirectPath(form.get("callbackUrl")) });
}
