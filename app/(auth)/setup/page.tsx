import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { createFirstAdminAction } from "@/server/auth/setup-action";
import { signInState } from "@/server/workspace/sign-in-state";

export const metadata: Metadata = { title: "Set up Daytwo" };

export default async function SetupPage() {
  if (!(await signInState()).needsFirstAdmin) redirect("/sign-in");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-xl">
          Welcome to Daytwo
        </CardTitle>
        <CardDescription>This workspace has no accounts yet. The first account becomes its admin.</CardDescription>
      </CardHeader>
      <CardContent>
        <SetupForm action={createFirstAdminAction} />
      </CardContent>
    </Card>
  );
}
