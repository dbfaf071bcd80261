import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { isOidcEnabled, serverEnv } from "@/env";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentUser } from "@/server/auth/current-user";
import { signInState } from "@/server/workspace/sign-in-state";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { signInWithOidc, signInWithPassword } from "@/server/auth/sign-in-actions";

export const metadata: Metadata = { title: "Sign in" };

const oidcErrors: Record<string, string> = {
  unverified_email: "Your identity provider did not confirm your email address, so Daytwo cannot match your account.",
  deactivated: "This account has been deactivated. Ask an admin to reactivate it.",
  AccessDenied: "Your identity provider refused the sign-in.",
  Configuration: "Single sign-on is misconfigured. Ask an admin to check the OIDC settings.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  if (await currentUser()) redirect(safeRedirectPath(params.callbackUrl));
  const workspace = await signInState();
  if (workspace.needsFirstAdmin) redirect("/setup");
  const { demo } = workspace;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  const oidcError = params.error ? (oidcErrors[params.error] ?? "Sign-in failed. Try again.") : null;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-xl">
          Sign in to Daytwo
        </CardTitle>
        <CardDescription>Incidents, post-mortems and the follow-ups that make them count.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {oidcError ? (
          <p role="alert" className="text-sm text-destructive">
            {oidcError}
          </p>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} action={signInWithPassword} />
        {isOidcEnabled() ? (
          <form action={signInWithOidc}>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <Button type="submit" variant="outline" className="w-full">
              Continue with {serverEnv().OIDC_NAME}
            </Button>
          </form>
        ) : null}
        {demo ? (
          <section aria-label="Demo accounts" className="rounded-md border border-dashed p-3 text-sm">
            <p className="font-medium">Demo workspace</p>
            <p className="text-muted-foreground">
              Password for every account: <code className="font-mono text-foreground">{demo.password}</code>
            </p>
            <ul className="mt-1 grid gap-0.5">
              {demo.accounts.map((user) => (
                <li key={user.email}>
                  <code className="font-mono">{user.email}</code> <span className="text-muted-foreground">({user.role})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </CardContent>
    </Card>
  );
}
