import type { Metadata } from "next";
import { TeamsAdmin } from "@/components/settings/teams-admin";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const user = await requireUser();
  const isAdmin = can(user, "admin");
  // Admins also pick members from the user list; others never ask for it.
  await prefetch(trpc.teams.list.queryOptions(), ...(isAdmin ? [trpc.users.list.queryOptions()] : []));
  return (
    <section aria-labelledby="teams-heading" className="grid gap-4">
      <h2 id="teams-heading" className="text-lg font-semibold">
        Teams
      </h2>
      <HydrateClient>
        <TeamsAdmin isAdmin={isAdmin} />
      </HydrateClient>
    </section>
  );
}
