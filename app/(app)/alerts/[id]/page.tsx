import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AlertDetail } from "@/components/alerts/alert-detail";
import { parseRouteId } from "@/lib/validation/ids";
import { requireUser } from "@/server/auth/current-user";
import { fetchOrNotFound, HydrateClient, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Alert" };

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const id = parseRouteId((await params).id);
  if (!id) notFound();
  await fetchOrNotFound(trpc.alerts.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <AlertDetail alertId={id} />
    </HydrateClient>
  );
}
