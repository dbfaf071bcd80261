import type { Metadata } from "next";
import { ServicesTable } from "@/components/settings/services-table";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  await prefetch(trpc.services.list.queryOptions());
  return (
    <section aria-labelledby="services-heading" className="grid gap-4">
      <h2 id="services-heading" className="text-lg font-semibold">
        Service catalog
      </h2>
      <p className="text-sm text-muted-foreground">What incidents affect and runbooks link to. Tier 1 is customer-facing and critical.</p>
      <HydrateClient>
        <ServicesTable />
      </HydrateClient>
    </section>
  );
}
