import type { Metadata } from "next";
import { HistoryView } from "@/components/runbooks/history-view";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Runbook history" };

export default async function RunbookHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  await fetchOrNotFound(trpc.runbooks.get.queryOptions({ id }));
  await prefetch(trpc.runbooks.revisions.queryOptions({ id }));
  return (
    <HydrateClient>
      <HistoryView runbookId={id} canEdit={can(user, "runbook.write")} />
    </HydrateClient>
  );
}
