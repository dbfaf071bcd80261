import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { SetupForm } from "@/components/auth/setup-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { hasAnyUser } from "@/server/users/create-first-admin";

export const metadata: Metadata = { title: "Set up Daytwo" };

export default async function SetupPage() {
  if (await hasAnyUser(await getDb())) redirect("/sign-in");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-xl">Welcome to Daytwo</CardTitle>
        <CardDescription>This workspace has no accounts yet. The first account becomes its admin.</CardDescription>
      </CardHeader>
      <CardContent>
        <SetupForm />
      </CardContent>
    </Card>
  );
}
