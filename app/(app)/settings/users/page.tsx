import type { Metadata } from "next";
import { CreateUserDialog } from "@/components/settings/create-user-dialog";
import { UsersTable } from "@/components/settings/users-table";
import { requireAllowed } from "@/server/auth/current-user";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requireAllowed("admin");
  await prefetch(trpc.users.list.queryOptions());
  return (
    <section aria-labelledby="users-heading" className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="users-heading" className="text-lg font-semibold">
          Users
        </h2>
        <CreateUserDialog />
      </div>
      <p className="text-sm text-muted-foreground">Admins manage settings and people; responders run incidents and write post-mortems; viewers read.</p>
      <HydrateClient>
        <UsersTable currentUserId={user.id} />
      </HydrateClient>
    </section>
  );
}
