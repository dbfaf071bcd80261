import type { Metadata } from "next";
import { Suspense } from "react";
import { ActionItemDashboard } from "@/components/action-items/dashboard/dashboard";
import { Spinner } from "@/components/ui/spinner";

export const metadata: Metadata = { title: "Action items dashboard" };

// Not prefetched yet: rendered on the server with its data, the dashboard's figures did not match
// the browser's first render (a hydration error), so it still loads in the browser.
export default function ActionItemDashboardPage() {
  return (
    // The dashboard reads its filters from the query string (useSearchParams), which needs a boundary.
    <Suspense fallback={<Spinner label="Loading the dashboard" />}>
      <ActionItemDashboard />
    </Suspense>
  );
}
