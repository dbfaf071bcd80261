import type { Metadata } from "next";
import { DueDaysForm } from "@/components/settings/due-days-form";
import { requireAllowed } from "@/server/auth/current-user";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Action item defaults" };

export default async function ActionItemSettingsPage() {
  await requireAllowed("admin");
  await prefetch(trpc.workspace.dueDays.queryOptions());
  return (
    <section aria-labelledby="due-days-heading" className="grid max-w-xl gap-4">
      <h2 id="due-days-heading" className="text-lg font-semibold">
        Default due dates
      </h2>
      <p className="text-sm text-muted-foreground">
        A new action item on an incident is due this many days after it is created, by the incident&apos;s severity. Whoever creates it can still pick another date.
      </p>
      <HydrateClient>
        <DueDaysForm />
      </HydrateClient>
    </section>
  );
}
