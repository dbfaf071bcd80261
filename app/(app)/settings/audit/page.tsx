import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditLog } from "@/components/settings/audit-log";
import { requireAdminPage } from "@/components/settings/admin-only";
import { Spinner } from "@/components/ui/spinner";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requireAdminPage();
  return (
    <section aria-labelledby="audit-heading" className="grid gap-4">
      <h2 id="audit-heading" className="text-lg font-semibold">Audit log</h2>
      <p className="text-sm text-muted-foreground">Every change, who made it and when. Entries cannot be edited or deleted, not even by admins.</p>
      <Suspense fallback={<Spinner label="Loading audit log" />}>
        <AuditLog />
      </Suspense>
    </section>
  );
}
