import type { Metadata } from "next";
import { RunbookView } from "@/components/runbooks/runbook-view";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Runbook" };

export default async function RunbookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  // An unknown (or archived) runbook is the 404 page, from the same read that fills the page.
  await fetchOrNotFound(trpc.runbooks.get.queryOptions({ id }));
  // The facts name severities and services from the shared picker options.
  await prefetch(trpc.incidents.formOptions.queryOptions());
  return (
    <HydrateClient>
      {/* Viewers read; the server refuses their writes anyway, so the buttons would only disappoint. */}
      <RunbookView runbookId={id} canEdit={can(user, "runbook.write")} />
    </HydrateClient>
  );
}
