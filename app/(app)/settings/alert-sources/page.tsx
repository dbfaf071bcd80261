import type { Metadata } from "next";
import { AlertSourcesAdmin } from "@/components/settings/alert-sources/alert-sources-admin";
import { requireAllowed } from "@/server/auth/current-user";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Alert sources" };

export default async function AlertSourcesPage() {
  await requireAllowed("admin");
  await prefetch(trpc.alertSources.list.queryOptions());
  return (
    <section aria-labelledby="alert-sources-heading" className="grid min-w-0 grid-cols-1 gap-4">
      <h2 id="alert-sources-heading" className="text-lg font-semibold">
        Alert sources
      </h2>
      <p className="text-sm text-muted-foreground">
        Monitoring systems that send alerts to Daytwo. Each source has its own address and token; repeats of an alert update it instead of adding another.
      </p>
      <HydrateClient>
        <AlertSourcesAdmin />
      </HydrateClient>
    </section>
  );
}
