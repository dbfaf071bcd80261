import type { Metadata } from "next";
import { CreateUserDialog } from "@/components/settings/create-user-dialog";
import { requireAdminPage } from "@/components/settings/admin-only";
import { UsersTable } from "@/components/settings/users-table";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requireAdminPage();
  const user = await requireUser();
  return (
    <section aria-labelledby="users-heading" className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="users-heading" className="text-lg font-semibold">Users</h2>
        <CreateUserDialog />
      </div>
      <p className="text-sm text-muted-foreground">
        Admins manage settings and people; responders run incidents and write post-mortems; viewers read.
      </p>
      <UsersTable currentUserId={user.id} />
    </section>
  );
}
