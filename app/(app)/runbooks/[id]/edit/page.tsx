import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EditRunbook } from "@/components/runbooks/edit-runbook";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Edit runbook" };

export default async function EditRunbookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  await fetchOrNotFound(trpc.runbooks.get.queryOptions({ id }));
  if (!can(user, "runbook.write")) redirect(`/runbooks/${id}`);
  // The form's pickers: severities, services and teams.
  await prefetch(trpc.incidents.formOptions.queryOptions(), trpc.teams.list.queryOptions());
  return (
    <HydrateClient>
      <EditRunbook runbookId={id} />
    </HydrateClient>
  );
}
