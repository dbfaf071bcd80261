import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { emptyRunbook, RunbookForm } from "@/components/runbooks/runbook-form";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "New runbook" };

export default async function NewRunbookPage() {
  const user = await requireUser();
  if (!can(user, "runbook.write")) redirect("/runbooks");
  return (
    <div className="grid gap-6">
      <Link href="/runbooks" className="text-sm text-muted-foreground hover:text-foreground">
        ← All runbooks
      </Link>
      <h1 className="text-2xl font-semibold">New runbook</h1>
      <RunbookForm mode={{ kind: "create" }} initial={emptyRunbook} />
    </div>
  );
}
