import { FileUp, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { RunbookList } from "@/components/runbooks/runbook-list";
import { buttonVariants } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Runbooks" };

export default async function RunbooksPage() {
  const user = await requireUser();
  const canWrite = user.role === "admin" || user.role === "responder";
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Runbooks</h1>
        {canWrite ? (
          <div className="flex flex-wrap gap-2">
            <Link href="/runbooks/import" className={buttonVariants({ variant: "outline" })}><FileUp aria-hidden /> Import Markdown</Link>
            <Link href="/runbooks/new" className={buttonVariants()}><Plus aria-hidden /> New runbook</Link>
          </div>
        ) : null}
      </div>
      {/* The list reads its filters from the query string (useSearchParams), which needs a boundary. */}
      <Suspense fallback={<Spinner label="Loading runbooks" />}>
        <RunbookList />
      </Suspense>
    </div>
  );
}
