import type { Metadata } from "next";
import { TeamsAdmin } from "@/components/settings/teams-admin";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const user = await requireUser();
  return (
    <section aria-labelledby="teams-heading" className="grid gap-4">
      <h2 id="teams-heading" className="text-lg font-semibold">Teams</h2>
      <TeamsAdmin isAdmin={user.role === "admin"} />
    </section>
  );
}
