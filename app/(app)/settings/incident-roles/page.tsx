import type { Metadata } from "next";
import { IncidentRolesAdmin } from "@/components/settings/incident-roles-admin";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Incident roles" };

export default async function IncidentRolesPage() {
  const user = await requireUser();
  return (
    <section aria-labelledby="roles-heading" className="grid gap-4">
      <h2 id="roles-heading" className="text-lg font-semibold">Incident roles</h2>
      <p className="text-sm text-muted-foreground">Who does what during an incident. Every open incident has exactly one commander.</p>
      <IncidentRolesAdmin isAdmin={user.role === "admin"} />
    </section>
  );
}
