import { FileUp, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { parseRunbookFilters, toRunbookListInput } from "@/components/runbooks/list-query";
import { RunbookList } from "@/components/runbooks/runbook-list";
import { buttonVariants } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { toSearchParams } from "@/lib/search-params";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Runbooks" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RunbooksPage({ searchParams }: Props) {
  const user = await requireUser();
  // The list as the browser will ask for it: the same filters, read from the same address.
  const filters = parseRunbookFilters(toSearchParams(await searchParams));
  await prefetch(trpc.runbooks.list.queryOptions(toRunbookListInput(filters)), trpc.services.list.queryOptions(), trpc.teams.list.queryOptions());
  return (
    <HydrateClient>
      <div className="grid gap-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">Runbooks</h1>
          {can(user, "runbook.write") ? (
            <div className="flex flex-wrap gap-2">
              <Link href="/runbooks/import" className={buttonVariants({ variant: "outline" })}>
                <FileUp aria-hidden /> Import Markdown
              </Link>
              <Link href="/runbooks/new" className={buttonVariants()}>
                <Plus aria-hidden /> New runbook
              </Link>
            </div>
          ) : null}
        </div>
        {/* The list reads its filters from the query string (useSearchParams), which needs a boundary. */}
        <Suspense fallback={<Spinner label="Loading runbooks" />}>
          <RunbookList />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
