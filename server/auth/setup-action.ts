"use server";

import { signIn } from "@/server/auth/config";
import { DomainError } from "@/server/errors";
import { createFirstAdminWithDefaults } from "@/server/users/create-first-admin";
import { createFirstAdminInput } from "@/server/users/schemas";

export type SetupState = { error: string | null };

export async function createFirstAdminAction(_previous: SetupState, form: FormData): Promise<SetupState> {
  const parsed = createFirstAdminInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${String(issue?.path[0] ?? "form")}: ${issue?.message ?? "is invalid"}` };
  }
  try {
    await createFirstAdminWithDefaults(parsed.data);
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message };
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/settings/users" });
  return { error: null };
}
