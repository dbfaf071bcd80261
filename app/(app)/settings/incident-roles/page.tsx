import type { Metadata } from "next";
import { IncidentRolesAdmin } from "@/components/settings/incident-roles-admin";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Incident roles" };

export default async function IncidentRolesPage() {
  const user = await requireUser();
  await prefetch(trpc.incidentRoles.list.queryOptions());
  return (
    <section aria-labelledby="roles-heading" className="grid gap-4">
      <h2 id="roles-heading" className="text-lg font-semibold">
        Incident roles
      </h2>
      <p className="text-sm text-muted-foreground">Who does what during an incident. Every open incident has exactly one commander.</p>
      <HydrateClient>
        <IncidentRolesAdmin isAdmin={can(user, "admin")} />
      </HydrateClient>
    </section>
  );
}
