import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditLog } from "@/components/settings/audit-log";
import { Spinner } from "@/components/ui/spinner";
import { requireAllowed } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Audit log" };

// Not prefetched: its date filters are the viewer's local days, which the server cannot know.
export default async function AuditPage() {
  await requireAllowed("admin");
  return (
    <section aria-labelledby="audit-heading" className="grid gap-4">
      <h2 id="audit-heading" className="text-lg font-semibold">
        Audit log
      </h2>
      <p className="text-sm text-muted-foreground">Every change, who made it and when. Entries cannot be edited or deleted, not even by admins.</p>
      <Suspense fallback={<Spinner label="Loading audit log" />}>
        <AuditLog />
      </Suspense>
    </section>
  );
}
