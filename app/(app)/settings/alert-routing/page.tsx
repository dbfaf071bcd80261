import type { Metadata } from "next";
import { AlertRulesAdmin } from "@/components/settings/alert-routing/alert-rules-admin";
import { requireAllowed } from "@/server/auth/current-user";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Alert routing" };

export default async function AlertRoutingPage() {
  await requireAllowed("admin");
  await Promise.all([prefetch(trpc.alertRules.list.queryOptions()), prefetch(trpc.incidents.formOptions.queryOptions())]);
  return (
    <section aria-labelledby="alert-routing-heading" className="grid min-w-0 grid-cols-1 gap-4">
      <h2 id="alert-routing-heading" className="text-lg font-semibold">
        Alert routing
      </h2>
      <p className="text-sm text-muted-foreground">
        Each incoming alert goes down this list and follows the first enabled rule whose matchers all hold: the rule decides its tier, its severity and which alerts it joins.
      </p>
      <HydrateClient>
        <AlertRulesAdmin />
      </HydrateClient>
    </section>
  );
}
