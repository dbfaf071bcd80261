"use client";

import { useActionState } from "react";
import type { SetupState } from "@/server/auth/setup-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

// The page hands in the server action, so this form depends on its shape only.
export function SetupForm({ action: createFirstAdmin }: { action: (previous: SetupState, form: FormData) => Promise<SetupState> }) {
  const [state, action, isPending] = useActionState<SetupState, FormData>(createFirstAdmin, { error: null });
  return (
    <form action={action} className="grid gap-4">
      <div className="grid gap-2">
        <Label htmlFor="name">Your name</Label>
        <Input id="name" name="name" autoComplete="name" required />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="password">Password (at least 10 characters)</Label>
        <Input id="password" name="password" type="password" autoComplete="new-password" minLength={10} required />
      </div>
      {state.error ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating…" : "Create admin account"}
      </Button>
    </form>
  );
}
