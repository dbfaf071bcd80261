"use client";

import { useActionState } from "react";
import type { SignInState } from "@/server/auth/sign-in-actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type SignIn = (previous: SignInState, form: FormData) => Promise<SignInState>;

// The page hands in the server action, so this form depends on its shape only.
export function SignInForm({ callbackUrl, action: signIn }: { callbackUrl: string; action: SignIn }) {
  const [state, action, isPending] = useActionState<SignInState, FormData>(signIn, { error: null, email: "" });
  return (
    <form action={action} className="grid gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="grid gap-2">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} aria-invalid={Boolean(state.error)} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={Boolean(state.error)} />
      </div>
      {state.error ? (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
