import type { Metadata } from "next";
import { requireAdminPage } from "@/components/settings/admin-only";
import { DueDaysForm } from "@/components/settings/due-days-form";

export const metadata: Metadata = { title: "Action item defaults" };

export default async function ActionItemSettingsPage() {
  await requireAdminPage();
  return (
    <section aria-labelledby="due-days-heading" className="grid max-w-xl gap-4">
      <h2 id="due-days-heading" className="text-lg font-semibold">Default due dates</h2>
      <p className="text-sm text-muted-foreground">A new action item on an incident is due this many days after it is created, by the incident&apos;s severity. Whoever creates it can still pick another date.</p>
      <DueDaysForm />
    </section>
  );
}
